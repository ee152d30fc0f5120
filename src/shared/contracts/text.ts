import { z } from 'zod';

/** Required text: trimmed, 1..max characters, stored in Unicode NFC (as typed on any keyboard). */
export const nfcText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));

/** Required text as `nfcText`, its messages in Vietnamese naming the field ("tên tệp không được để trống"). */
export const labelledText = (max: number, label: string) =>
  z
    .string({ error: `${label} phải là chuỗi ký tự` })
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
