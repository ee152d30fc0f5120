import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DirectoryCandidate, RecipientGroup } from './match.ts';
import { matchDispatch, similarity } from './match.ts';
import { parseDispatch } from './parse.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../assets/seeds');
const seed = (n: string) => parseDispatch(readFileSync(path.join(seedsDir, `${n}.txt`), 'utf8'));

const units: DirectoryCandidate[] = [
  { id: 'stttt-ls', name: 'Sở Thông tin và Truyền thông', kind: 'department', parentName: 'UBND tỉnh Lạng Sơn' },
  { id: 'stttt-lc', name: 'Sở Thông tin và Truyền thông', kind: 'department', parentName: 'UBND tỉnh Lai Châu' },
  { id: 'syt-lc', name: 'Sở Y tế', kind: 'department', parentName: 'UBND tỉnh Lai Châu' },
  { id: 'vhtt-td', name: 'Phòng Văn hóa và Thông tin', kind: 'office', parentName: 'UBND huyện Tam Đường' },
  { id: 'bd-th', name: 'Bưu điện tỉnh Thanh Hóa', kind: 'enterprise', code: 'BDTH' },
  { id: 'dtth-td', name: 'Đài Truyền thanh - Truyền hình huyện Tam Đường', kind: 'station' },
];
const groups: RecipientGroup[] = [
  { id: 'g-xa', name: 'UBND các xã, thị trấn' },
  { id: 'g-bc', name: 'Các cơ quan báo chí' },
];

describe('issuer and recipient matching', () => {
  it('proposes the Sở TT&TT of the printed place from symbol, body and place', () => {
    const m = matchDispatch(seed('004'), units, groups);
    expect(m.issuer).toMatchObject({ id: 'stttt-ls' });
    expect(m.issuer?.evidence).toEqual(expect.arrayContaining(['symbol', 'body', 'place']));
    expect(m.issuer?.confidence).toBeGreaterThan(0.8);
  });

  it('proposes the Phòng Văn hóa và Thông tin from "VHTT" and the place', () => {
    const m = matchDispatch(seed('002'), units, groups);
    expect(m.issuer).toMatchObject({ id: 'vhtt-td' });
  });

  it('matches recipients and section addressees to groups and units, diacritic-insensitive', () => {
    const m = matchDispatch(seed('002'), units, groups);
    expect(m.recipients.find((r) => r.text === 'UBND các xã, thị trấn')?.target).toMatchObject({ type: 'group', id: 'g-xa' });
    const station = m.addressees.find((a) => a.text.startsWith('Đài'));
    expect(station?.target).toMatchObject({ id: 'dtth-td' });
    expect(station?.section).toBe('2');
  });

  it('tolerates OCR typos ("Bru điện tỉnh") and skips "Như trên"', () => {
    const m = matchDispatch(seed('001'), units, groups);
    expect(m.addressees.find((a) => a.text === 'Bru điện tỉnh')?.target).toMatchObject({ id: 'bd-th' });
    expect(m.cc.some((c) => c.text === 'Như trên')).toBe(false);
  });

  it('scores similarity in 0..1 and ignores diacritics and case', () => {
    expect(similarity('SỞ Y TẾ', 'so y te')).toBe(1);
    expect(similarity('Sở Y tế', 'Công an tỉnh')).toBe(0);
  });
});
