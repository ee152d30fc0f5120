import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DirectoryCandidate, RecipientGroup } from './match.ts';
import { ELSEWHERE_CAP, matchDispatch, similarity } from './match.ts';
import { parseDispatch } from './parse.ts';
import { sectionAddressees } from './body.ts';

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

describe('province first: the importer’s and the issuer’s province (with its predecessors/successors) before the rest', () => {
  // Lai Châu in both editions (the importer sits in 2026, the dispatch is from 2021), Thanh Hóa elsewhere.
  const tree: DirectoryCandidate[] = [
    { id: 'lc25', name: 'Tỉnh Lai Châu', kind: 'province', path: 'vn.lc25' },
    { id: 'td', name: 'Huyện Tam Đường', kind: 'district', path: 'vn.lc25.td', parentName: 'Tỉnh Lai Châu' },
    { id: 'vhtt', name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office', path: 'vn.lc25.td.vhtt', parentName: 'Huyện Tam Đường' },
    { id: 'tt-td', name: 'Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện Tam Đường', kind: 'radio_tv', path: 'vn.lc25.td.tt-td', parentName: 'Huyện Tam Đường' },
    { id: 'tt-sh', name: 'Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện Sìn Hồ', kind: 'radio_tv', path: 'vn.lc25.sh.tt-sh', parentName: 'Huyện Sìn Hồ' },
    { id: 'tt-nx', name: 'Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện Như Xuân', kind: 'radio_tv', path: 'vn.th25.nx.tt-nx', parentName: 'Huyện Như Xuân' },
    { id: 'ubt', name: 'Ủy ban nhân dân tỉnh', kind: 'office', path: 'vn.th25.ubt', parentName: 'Tỉnh Thanh Hóa' },
  ];
  const linked = { homeProvinces: ['lc26'], relatedProvinces: { lc26: ['lc25'], lc25: ['lc26'], th25: [] }, importerPath: 'vn.lc26.svhttdl' };

  it('proposes the issuer’s own district centre for an unnamed "huyện", and caps other provinces at 50%', () => {
    const m = matchDispatch(seed('002'), tree, groups, linked);
    expect(m.issuer).toMatchObject({ id: 'vhtt' });
    const station = m.addressees.filter((a) => a.text.startsWith('Đài'));
    expect(station.map((a) => a.target?.id)).toEqual(['tt-td', 'tt-td']);
    expect(station.every((a) => a.confidence >= 0.9)).toBe(true);
    const leaders = m.cc.find((c) => c.text.startsWith('Chủ tịch'));
    expect(leaders?.target?.id).toBe('td');
  });

  it('the predecessor link makes the 2025 units home for a 2026 importer; without it (and no issuer there) they are capped', () => {
    const noIssuer = tree.filter((c) => c.id !== 'vhtt');
    const withLink = matchDispatch(seed('002'), noIssuer, groups, linked);
    expect(withLink.addressees.find((a) => a.text.startsWith('Đài'))?.confidence).toBeGreaterThan(ELSEWHERE_CAP);
    const m = matchDispatch(seed('002'), noIssuer, groups, { ...linked, relatedProvinces: { lc26: [], lc25: [], th25: [] } });
    for (const x of [...m.addressees, ...m.cc].filter((a) => a.target?.type === 'unit')) expect(x.confidence, x.text).toBeLessThanOrEqual(ELSEWHERE_CAP);
  });

  it('never matches a plural entry ("UBND các xã, thị trấn") to one commune whose name looks alike', () => {
    const communes = [...tree, { id: 'thu-lum', name: 'Xã Thu Lũm', kind: 'commune', path: 'vn.lc25.ml.thu-lum', parentName: 'Huyện Mường Tè' }];
    const m = matchDispatch(seed('002'), communes, [{ id: 'g-xp', name: 'UBND các xã, phường' }], linked);
    for (const a of [...m.recipients, ...m.addressees].filter((x) => x.text === 'UBND các xã, thị trấn')) expect(a.target, a.text).toMatchObject({ type: 'group', id: 'g-xp' });
  });

  it('never proposes a unit of another province above 50%, even with the closest name', () => {
    const m = matchDispatch(
      seed('002'),
      tree.filter((c) => c.id !== 'tt-td' && c.id !== 'tt-sh'),
      groups,
      linked,
    );
    const station = m.addressees.find((a) => a.text.startsWith('Đài'));
    expect(station?.confidence ?? 0).toBeLessThanOrEqual(ELSEWHERE_CAP);
  });
});

describe('every addressee of a section: each sentence of its opening paragraph', () => {
  it('finds the addressees every sentence opens with ("Đề nghị X …", "X chỉ đạo …", "Giao X …")', () => {
    const text = 'Đề nghị Sở Y tế hướng dẫn các cơ sở khám bệnh. UBND các xã, phường chỉ đạo Trạm Y tế xã thực hiện. Giao Công an tỉnh kiểm tra việc chấp hành.';
    expect(sectionAddressees(text, false)).toEqual(['Sở Y tế', 'UBND các xã, phường', 'Công an tỉnh']);
  });

  it('does not take the units a sentence merely mentions, or one that reports what a unit did', () => {
    const text =
      'UBND các xã, phường tuyên truyền đến Nhân dân qua Đài truyền thanh xã. Sở Y tế đã ban hành Kế hoạch số 12/KH-SYT ngày 05/02/2021. Tài liệu do Sở Văn hóa, Thể thao và Du lịch cung cấp. Bưu điện tỉnh.';
    expect(sectionAddressees(text, false)).toEqual(['UBND các xã, phường']);
  });

  it('keeps an abbreviated name whole ("UBND TP. Lai Châu") and names each addressee once', () => {
    const text = 'Đề nghị UBND TP. Lai Châu triển khai ngay. Đài truyền thanh các xã, phường phát lại bản tin. UBND TP. Lai Châu báo cáo kết quả.';
    expect(sectionAddressees(text, false)).toEqual(['UBND TP. Lai Châu', 'Đài truyền thanh các xã, phường']);
  });

  it('seed 002 section 1: "UBND các xã, thị trấn" of its second sentence is an addressee, "từng bản" of a clause is not', () => {
    const s1 = seed('002').sections.find((s) => s.number === '1');
    expect(s1?.addressees).toEqual(['lãnh đạo các cơ quan nhà nước trên địa bàn huyện', 'UBND các xã, thị trấn']);
    const m = matchDispatch(seed('002'), units, groups);
    expect(m.addressees.filter((a) => a.section === '1').map((a) => a.target?.id)).toContain('g-xa');
  });
});
