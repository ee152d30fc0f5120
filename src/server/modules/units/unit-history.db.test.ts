import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { sql } from 'drizzle-orm';
import { unitHistory } from '../../db/schema/index.ts';
import { auditEventsSince, lastAuditId } from '../../../../test/support/db.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { sameName, toneKey, toneNewStyle } from '../../platform/text.ts';
import { buildCrosswalk, formatCrosswalkReport, parseBefore } from './crosswalk.ts';
import { unitIdFor } from './editions.ts';
import { predecessorsOf, successorsOf } from './unit-history.ts';

describe('tone placement (Hóa/Hoá, Thụy/Thuỵ)', () => {
  it('compares old and new tone placement equal, and nothing else', () => {
    expect(toneNewStyle('Thanh Hóa')).toBe('Thanh Hoá');
    expect(toneNewStyle('Phường Thụy Khuê')).toBe('Phường Thuỵ Khuê');
    expect(toneNewStyle('sức khỏe')).toBe('sức khoẻ');
    expect(sameName('Tỉnh Thanh Hóa', 'Tỉnh Thanh Hoá')).toBe(true);
    expect(sameName('Xã Thụy Hương', 'xã thuỵ hương')).toBe(true);
    expect(sameName('Hòa Bình', 'Hoà Bình')).toBe(true);
    // Closed syllables and other marks are not touched; a different tone or vowel is a different name.
    expect(toneNewStyle('Hoàng Hoàn Thuyết')).toBe('Hoàng Hoàn Thuyết');
    expect(sameName('Tân Lập', 'Tấn Lập')).toBe(false);
    expect(sameName('Hóa', 'Hòa')).toBe(false);
    expect(toneKey('Thanh Hoá'.normalize('NFD'))).toBe(toneKey('Thanh Hóa'));
  });
});

describe('crosswalk text', () => {
  it('reads printed predecessors: types carried over lists, partial units, district hints', () => {
    expect(parseBefore('giữ nguyên')).toBe('unchanged');
    const p = parseBefore(
      'Phường Quán Thánh, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, Phường Ngọc Thụy (phần còn lại sau khi sáp nhập vào phường Hồng Hà, phường Long Biên), Xã Bình Phú (huyện Càng Long)',
    );
    expect(p).not.toBe('unchanged');
    const items = p as Exclude<typeof p, 'unchanged'>;
    expect(items.map((i) => [i.type, i.bare, i.partial, i.districtHint])).toEqual([
      ['phường', 'Quán Thánh', false, null],
      ['phường', 'Cửa Nam', true, null],
      ['phường', 'Điện Biên', true, null],
      ['phường', 'Ngọc Thụy', true, null],
      ['xã', 'Bình Phú', false, 'Càng Long'],
    ]);
  });

  it('matches every 2026 province and every 2026 commune of the shipped list to its predecessors', () => {
    const { links, report } = buildCrosswalk();
    expect(report.provinces).toEqual({ total: 34, matched: 34 });
    expect(report.communes.total).toBe(3321);
    // The source note names the one commune missing from the 2026-04-30 list: all others matched.
    expect(report.sourceNote).toContain('00071 Phường Hiệp Hòa');
    expect(report.communes.notInEdition).toEqual([{ code: '00071', name: 'Phường Hiệp Hòa' }]);
    expect(report.communes.withoutPredecessor).toEqual([]);
    expect(report.communes.matched).toBe(3320);
    // Printed names without a 2025 unit (merged before March 2025, crawler spellings) are listed.
    expect(report.unmatchedNames.length).toBeLessThan(60);
    expect(links.length).toBeGreaterThan(10_000);
    const text = formatCrosswalkReport(report);
    expect(text).toContain('34/34 tỉnh, 3320/3320 xã, phường');
    expect(text).toContain('00071 Phường Hiệp Hòa');
  });
});

async function historyRows(t: TestContext): Promise<number> {
  const [row] = await t.c.database.db.select({ n: sql<number>`count(*)::int` }).from(unitHistory);
  return row?.n ?? 0;
}

const BINH_LU_2026 = unitIdFor('vn-2026', '03390');
const TT_TAM_DUONG_2025 = unitIdFor('vn-2025', '03390');
const SON_BINH_2025 = unitIdFor('vn-2025', '03413');

describeEachDb('unit history (database)', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
  });
  afterAll(() => t.close());

  it('imports the links between the units present, idempotently, with one audit event per import', async () => {
    const mark = await lastAuditId(t.c);
    const first = await t.c.services.units.importHistory(SYSTEM_ACTOR);
    const rows = await historyRows(t);
    // Lai Châu only: the province and its 38 communes link to their 2025 predecessors (Tam Đường, …).
    expect(first.stored).toBe(rows);
    expect(rows).toBeGreaterThan(100);
    const again = await t.c.services.units.importHistory(SYSTEM_ACTOR);
    expect(again.stored).toBe(first.stored);
    expect(await historyRows(t)).toBe(rows);
    const events = (await auditEventsSince(t.c, mark)).filter((e) => e.action === 'units.history.import');
    expect(events).toHaveLength(2);
  });

  it('answers successorsOf / predecessorsOf for the imports matcher', async () => {
    const succ = await successorsOf(t.c.database.db, [TT_TAM_DUONG_2025, SON_BINH_2025]);
    expect(succ.get(TT_TAM_DUONG_2025)?.map((u) => u.name)).toEqual(['Xã Bình Lư']);
    expect(succ.get(SON_BINH_2025)?.map((u) => u.id)).toEqual([BINH_LU_2026]);
    const pred = await predecessorsOf(t.c.database.db, [BINH_LU_2026]);
    expect(
      pred
        .get(BINH_LU_2026)
        ?.map((u) => u.name)
        .sort(),
    ).toEqual(['Thị trấn Tam Đường', 'Xã Bình Lư', 'Xã Sơn Bình']);
    expect(pred.get(BINH_LU_2026)?.every((u) => u.edition === 'vn-2025' && u.validTo === '2025-06-30')).toBe(true);
    // Through the service, as any signed-in user.
    const viaService = await t.c.services.units.successorsOf(SYSTEM_ACTOR, [unitIdFor('vn-2025', '12')]);
    expect(viaService.get(unitIdFor('vn-2025', '12'))?.map((u) => u.id)).toEqual([unitIdFor('vn-2026', '12')]);
  });

  it('shows "Hình thành từ" and "Nay thuộc" on the unit page (API)', async () => {
    const { session } = await buildSignedInUser(t.c, { unitId: BINH_LU_2026, roles: ['viewer'] });
    const now = (await t.app.inject({ url: `/api/units/${BINH_LU_2026}`, headers: session.headers })).json<{ history: { formedFrom: { name: string }[]; nowPartOf: unknown[] } }>();
    expect(now.history.formedFrom.map((u) => u.name)).toContain('Thị trấn Tam Đường');
    expect(now.history.nowPartOf).toEqual([]);
    const before = (await t.app.inject({ url: `/api/units/${TT_TAM_DUONG_2025}`, headers: session.headers })).json<{
      history: { formedFrom: unknown[]; nowPartOf: { name: string; partial: boolean }[] };
    }>();
    expect(before.history.nowPartOf).toEqual([expect.objectContaining({ name: 'Xã Bình Lư', partial: false })]);
  });
});
