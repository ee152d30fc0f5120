import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../db/schema/index.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { AppError } from '../../platform/errors.ts';
import { describeEachDb, createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsSince, countRows, lastAuditId } from '../../../../test/support/db.ts';
import { LAI_CHAU, MUONG_TE, TAM_DUONG, TT_TAM_DUONG, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import { expandRule } from './groups.service.ts';
import { unitIdFor } from './editions.ts';

const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');

describeEachDb('units and groups (database)', (kind) => {
  let t: TestContext;
  let firstImport: { rows: number; changed: number; counts: Record<string, number> };

  beforeAll(async () => {
    t = await createTestContext(kind);
    firstImport = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
  });
  afterAll(() => t.close());

  describe('import', () => {
    it('imports Lai Châu with its 8 districts and 106 communes', () => {
      expect(firstImport.counts).toEqual({ province: 1, district: 8, commune: 106 });
      expect(firstImport.changed).toBe(firstImport.rows);
    });

    it('is idempotent: a second import changes 0 rows and the counts stay', async () => {
      const before = await countRows(t.c, 'units');
      const again = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
      expect(again.changed).toBe(0);
      expect(again.counts).toEqual(firstImport.counts);
      expect(await countRows(t.c, 'units')).toBe(before);
      await importLaiChau(t.c);
      expect(await countRows(t.c, 'units')).toBe(before);
    });

    it('a re-import repairs a renamed unit in place (same id, no duplicate)', async () => {
      await t.c.database.db.update(units).set({ name: 'Tên sai' }).where(eq(units.id, TAM_DUONG));
      const again = await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
      expect(again.changed).toBe(1);
      const [row] = await t.c.database.db.select().from(units).where(eq(units.id, TAM_DUONG));
      expect(row?.name).toBe('Huyện Tam Đường');
      expect(row?.searchName).toBe('huyen tam duong');
    });

    it('only a system administrator may import', async () => {
      const viewer = { ...SYSTEM_ACTOR, userId: crypto.randomUUID(), unitPath: 'x', roles: ['unit_admin' as const] };
      await expect(t.c.services.units.importEdition(viewer, 'vn-2025', { provinceCodes: ['12'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('tree in force at a date', () => {
    it('on 2021-02-01 shows the 2025 province and Huyện Tam Đường', async () => {
      const roots = await t.c.services.units.listRoots(SYSTEM_ACTOR, '2021-02-01');
      expect(roots.map((r) => r.id)).toEqual([LAI_CHAU]);
      const districts = await t.c.services.units.listChildren(SYSTEM_ACTOR, LAI_CHAU, '2021-02-01');
      expect(districts.map((d) => d.name)).toContain('Huyện Tam Đường');
      expect(districts).toHaveLength(8);
      expect(districts.find((d) => d.id === TAM_DUONG)?.childCount).toBe(13);
    });

    it('on 2026-01-01 shows the 2026 provinces only', async () => {
      const roots = await t.c.services.units.listRoots(SYSTEM_ACTOR, '2026-01-01');
      expect(roots.map((r) => r.id)).toEqual([LAI_CHAU_2026]);
      const rows = await t.c.database.db
        .select()
        .from(units)
        .where(
          inArray(
            units.id,
            roots.map((r) => r.id),
          ),
        );
      expect(rows.every((r) => r.edition === 'vn-2026')).toBe(true);
      const children = await t.c.services.units.listChildren(SYSTEM_ACTOR, LAI_CHAU_2026, '2026-01-01');
      expect(children).toHaveLength(38);
      expect(children.every((c) => c.kind === 'commune')).toBe(true);
      // The 2025 tree is out of force then.
      expect(await t.c.services.units.listChildren(SYSTEM_ACTOR, LAI_CHAU, '2026-01-01')).toEqual([]);
    });
  });

  describe('search', () => {
    const search = (q: string, at = '2021-02-01') => t.c.services.units.searchUnits(SYSTEM_ACTOR, { q, at, limit: 20 });

    it('ignores diacritics and case on both sides', async () => {
      for (const q of ['tam duong', 'TAM ĐƯỜNG', 'Tâm Dương', 'tam dUONG']) {
        const names = (await search(q)).map((u) => u.name);
        expect(names, q).toContain('Huyện Tam Đường');
        expect(names, q).toContain('Thị trấn Tam Đường');
      }
      const mt = await search('muong te');
      expect(mt.map((u) => u.id)).toContain(MUONG_TE);
    });

    it('gives the path of each hit and respects the date', async () => {
      const hit = (await search('thi tran tam duong')).find((u) => u.id === TT_TAM_DUONG);
      expect(hit?.pathText).toBe('Huyện Tam Đường, Tỉnh Lai Châu');
      expect((await search('tam duong', '2026-01-01')).map((u) => u.id)).not.toContain(TAM_DUONG);
    });

    it('treats LIKE wildcards as plain text', async () => {
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
    });
  });

  describe('groups', () => {
    it('a kind_under rule expands to the communes under Tam Đường in force at a date', async () => {
      const members = await expandRule(t.c.database.db, { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }, '2021-02-01');
      expect(members).toHaveLength(13);
      expect(members.every((m) => m.kind === 'commune' && m.parentId === TAM_DUONG)).toBe(true);
      expect(members.map((m) => m.name)).toContain('Thị trấn Tam Đường');
      expect(await expandRule(t.c.database.db, { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }, '2026-01-01')).toEqual([]);
      // Organisations added under a commune count for their own kind, not "commune".
      await buildUnit(t.c, { parentId: TT_TAM_DUONG, kind: 'commune_radio', name: 'Đài truyền thanh thị trấn Tam Đường' });
      const radios = await expandRule(t.c.database.db, { type: 'kind_under', kind: 'commune_radio', underUnitId: TAM_DUONG }, '2021-02-01');
      expect(radios.map((r) => r.name)).toEqual(['Đài truyền thanh thị trấn Tam Đường']);
      const districts = await expandRule(t.c.database.db, { type: 'kind_under', kind: 'district', underUnitId: LAI_CHAU }, '2021-02-01');
      expect(districts).toHaveLength(8);
    });

    it('an explicit rule expands to exactly its units', async () => {
      const members = await expandRule(t.c.database.db, { type: 'explicit', unitIds: [TT_TAM_DUONG, MUONG_TE, TT_TAM_DUONG] }, null);
      expect(members.map((m) => m.id).sort()).toEqual([MUONG_TE, TT_TAM_DUONG].sort());
    });

    it('a group lists its members through the service', async () => {
      const g = await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
        ownerUnitId: TAM_DUONG,
        name: 'UBND các xã, thị trấn',
        rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
      });
      expect(await t.c.services.groups.listMembers(SYSTEM_ACTOR, g.id, '2021-02-01')).toHaveLength(13);
    });

    it('an unknown unit in a rule is UNKNOWN_UNIT and writes nothing', async () => {
      const ghost = crypto.randomUUID();
      const groups = await countRows(t.c, 'recipientGroups');
      const mark = await lastAuditId(t.c);
      for (const rule of [
        { type: 'explicit' as const, unitIds: [TT_TAM_DUONG, ghost] },
        { type: 'kind_under' as const, kind: 'commune' as const, underUnitId: ghost },
      ]) {
        const err = await t.c.services.groups.createGroup(SYSTEM_ACTOR, { ownerUnitId: TAM_DUONG, name: 'Sai', rule }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ code: 'UNKNOWN_UNIT', params: { unit: ghost } });
      }
      expect(await countRows(t.c, 'recipientGroups')).toBe(groups);
      expect(await auditEventsSince(t.c, mark)).toEqual([]);
    });
  });
});
