import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { unitIdFor } from './editions.ts';

interface Hit {
  id: string;
  name: string;
  pathText: string;
  inForce: boolean;
  editionLabel: string | null;
  nowPartOf: { id: string; name: string }[];
  formedFromMatch: { id: string; name: string } | null;
}

const HUYEN_TAM_DUONG = unitIdFor('vn-2025', '106');
const TT_TAM_DUONG_2025 = unitIdFor('vn-2025', '03390');
const BINH_LU_2026 = unitIdFor('vn-2026', '03390');
const THANH_HOA_2026 = unitIdFor('vn-2026', '38');

/** The directory search of the pickers, on the real date: the 2026 tree is the one in force. */
describeEachDb('unit search: the tree in force today first, other editions labelled (API)', (kind) => {
  let t: TestContext;
  let session: Session;
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date() });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12', '38'] });
    await t.c.services.units.importHistory(SYSTEM_ACTOR);
    ({ session } = await buildSignedInUser(t.c, { unitId: BINH_LU_2026, roles: ['viewer'] }));
  });
  afterAll(() => t.close());

  async function search(query: string): Promise<Hit[]> {
    const res = await t.app.inject({ url: `/api/units/search?${query}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Hit[] }>().items;
  }
  const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

  describe('by default: only the tree in force today', () => {
    it('"tam duong" finds no unit of the 2025 tree, and finds Xã Bình Lư through its former Thị trấn Tam Đường', async () => {
      const hits = await q('tam duong');
      expect(hits.map((h) => h.id)).not.toContain(HUYEN_TAM_DUONG);
      expect(hits.map((h) => h.id)).not.toContain(TT_TAM_DUONG_2025);
      expect(hits.every((h) => h.inForce && h.editionLabel === null && h.nowPartOf.length === 0)).toBe(true);
      const binhLu = hits.find((h) => h.id === BINH_LU_2026);
      expect(binhLu).toMatchObject({ name: 'Xã Bình Lư', pathText: 'Tỉnh Lai Châu', formedFromMatch: { id: TT_TAM_DUONG_2025, name: 'Thị trấn Tam Đường' } });
    });

    it('a unit of today matched by its own name comes first and is not marked as found through a former unit', async () => {
      const hits = await q('binh lu');
      expect(hits[0]).toMatchObject({ id: BINH_LU_2026, inForce: true, formedFromMatch: null });
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    });
  });

  describe("with editions=all: the 2025 tree too, after today's, each labelled", () => {
    it('finds Huyện Tam Đường (Lai Châu, 2025) with its list and Thị trấn Tam Đường with what it is now part of', async () => {
      const hits = await q('tam duong', '&editions=all');
      const district = hits.find((h) => h.id === HUYEN_TAM_DUONG);
      expect(district).toMatchObject({ name: 'Huyện Tam Đường', pathText: 'Tỉnh Lai Châu', inForce: false, editionLabel: 'Danh mục 2025 (trước sắp xếp)' });
      const town = hits.find((h) => h.id === TT_TAM_DUONG_2025);
      expect(town).toMatchObject({ inForce: false, editionLabel: 'Danh mục 2025 (trước sắp xếp)', nowPartOf: [{ id: BINH_LU_2026, name: 'Xã Bình Lư' }] });
      // Today's units rank before every unit of another edition.
      const firstOld = hits.findIndex((h) => !h.inForce);
      expect(firstOld).toBeGreaterThan(0);
      expect(hits.slice(firstOld).every((h) => !h.inForce)).toBe(true);
      expect(hits.slice(0, firstOld).map((h) => h.id)).toContain(BINH_LU_2026);
    });

    it('at a date of the 2025 tree, that tree is the one in force and the 2026 units carry their list', async () => {
      const then = await q('binh lu', '&at=2021-02-01');
      expect(then.map((h) => h.name)).toContain('Xã Bình Lư');
      expect(then.every((h) => h.inForce)).toBe(true);
      expect(then.map((h) => h.id)).not.toContain(BINH_LU_2026);
      const both = await q('binh lu', '&at=2021-02-01&editions=all');
      expect(both.find((h) => h.id === BINH_LU_2026)).toMatchObject({ inForce: false, editionLabel: 'Danh mục từ ngày 01 tháng 07 năm 2025' });
    });
  });

  it('ignores diacritics and case, and Hoá equals Hóa', async () => {
    const ids = async (text: string, extra = '') => (await q(text, extra)).map((h) => h.id);
    const tamDuong = await ids('tam duong', '&editions=all');
    for (const variant of ['TAM ĐƯỜNG', 'Tâm Dương', 'tam dUONG']) expect(await ids(variant, '&editions=all'), variant).toEqual(tamDuong);
    // The 2026 list spells "Tỉnh Thanh Hoá"; an officer typing the old "Hóa", or no marks at all, finds it.
    for (const variant of ['Thanh Hóa', 'thanh hoá', 'THANH HOA']) expect(await ids(variant), variant).toContain(THANH_HOA_2026);
    expect((await q('Xã Thiệu Hóa')).map((h) => h.name)).toContain('Xã Thiệu Hoá');
    // Words in any order, punctuation ignored; LIKE wildcards are plain text.
    expect(await ids('lu, binh')).toContain(BINH_LU_2026);
    expect(await ids('%')).toEqual([]);
    expect(await ids('binh _u')).toEqual([]);
  });

  it('refuses an unknown edition choice with a Vietnamese message, and anonymous callers', async () => {
    const res = await t.app.inject({ url: '/api/units/search?q=tam&editions=2025', headers: session.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Dữ liệu không hợp lệ/) });
    expect((await t.app.inject({ url: '/api/units/search?q=tam' })).statusCode).toBe(401);
  });
});
