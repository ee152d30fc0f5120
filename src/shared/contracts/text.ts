import { z } from 'zod';

/** Required text: trimmed, 1..max characters, stored in Unicode NFC (as typed on any keyboard). */
export const nfcText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
