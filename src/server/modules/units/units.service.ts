import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { foldDiacritics, vnDateKey } from '../../platform/text.ts';
import { authorize, hasGlobalScope } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CROSSWALK_SOURCE, buildCrosswalk } from './crosswalk.ts';
import { EDITIONS, NATION_ID, editionLabel, inForceAt, loadEdition } from './editions.ts';
import type { EditionId } from './editions.ts';
import { predecessorsOf, successorsOf } from './unit-history.ts';
import { createUnitLookup } from './units.lookup.ts';
import * as repo from './units.repository.ts';
import type { UnitRow, UnitWithCount } from './units.repository.ts';
import type { ContactsInput, CreateUnitInput, UpdateUnitInput } from './units.schemas.ts';
import './units.errors.ts';

export interface UnitView {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
}

export function presentUnit(u: UnitWithCount | (UnitRow & { childCount?: number })): UnitView {
  return {
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    kind: u.kind,
    validFrom: u.validFrom,
    validTo: u.validTo,
    childCount: u.childCount ?? 0,
  };
}

export function presentContacts(u: UnitRow) {
  return { emails: u.emails, phones: u.phones, address: u.address, website: u.website };
}

/** Ancestor ids of a unit, root first, excluding the unit itself. */
function ancestorIds(u: { path: string }): string[] {
  return u.path.split('.').slice(0, -1);
}

export function createUnitsService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  const today = () => vnDateKey(deps.clock.now());

  async function loadOr404(id: string): Promise<UnitRow> {
    const unit = await repo.findUnitById(db, id);
    if (!unit) throw new AppError('NOT_FOUND');
    return unit;
  }

  /** Updates a unit the actor may write, auditing the fields `view` picks before and after. */
  async function patchUnit(actor: Actor, id: string, patch: UpdateUnitInput | ContactsInput, action: string, view: (u: UnitRow) => unknown) {
    const unit = await loadOr404(id);
    const a = authorize(actor, 'unit.write', { unitPath: unit.path }, 'unit.read');
    return db.transaction(async (tx) => {
      const updated = await repo.updateUnit(tx, id, patch);
      if (!updated) throw new AppError('NOT_FOUND');
      await recordAudit(tx, a, { action, entity: 'unit', entityId: id, unitId: id, before: view(unit), after: view(updated) });
      return updated;
    });
  }

  /** Inserts an organisation under its parent (validity inherited) and audits it; callers authorise. */
  async function insertChild(a: Actor, parent: UnitRow, input: CreateUnitInput, opts: InTx = {}): Promise<UnitView> {
    return inTx(db, opts, async (tx) => {
      const id = crypto.randomUUID();
      const created = await repo.insertUnit(tx, {
        id,
        parentId: parent.id,
        path: `${parent.path}.${id}`,
        depth: parent.depth + 1,
        name: input.name,
        kind: input.kind,
        code: input.code ?? null,
        validFrom: parent.validFrom,
        validTo: parent.validTo,
      });
      await recordAudit(tx, a, { action: 'unit.create', entity: 'unit', entityId: id, unitId: id, after: presentUnit(created) });
      return presentUnit(created);
    });
  }

  async function pathNames(units: readonly { path: string }[]): Promise<Map<string, string>> {
    const ids = [...new Set(units.flatMap(ancestorIds))].filter((id) => id !== NATION_ID);
    const rows = await repo.findUnitsByIds(db, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  return {
    /** Units by id for other modules: no access check, the caller checks (see units.lookup.ts). */
    lookup: createUnitLookup(db),

    /** Top of the tree the actor browses: provinces for a system admin, else the actor's province. */
    async listRoots(actor: Actor, at: string | undefined): Promise<UnitView[]> {
      const a = actor;
      const date = at ?? today();
      if (hasGlobalScope(a)) return (await repo.findChildren(db, NATION_ID, date)).map(presentUnit);
      const own = await loadOr404(a.unitId);
      const topId = own.path.split('.').find((id) => id !== NATION_ID) ?? own.id;
      return (await repo.findWithCounts(db, [topId], date)).map(presentUnit);
    },

    async getUnit(actor: Actor, id: string) {
      const unit = await loadOr404(id);
      authorize(actor, 'unit.read', { unitPath: unit.path });
      const names = await pathNames([unit]);
      const path = ancestorIds(unit)
        .filter((a) => names.has(a))
        .map((a) => ({ id: a, name: names.get(a) ?? '' }));
      const [withCount] = await repo.findWithCounts(db, [unit.id], null);
      const [formedFrom, nowPartOf] = await Promise.all([predecessorsOf(db, [unit.id]), successorsOf(db, [unit.id])]);
      return {
        unit: presentUnit(withCount ?? unit),
        path,
        contacts: presentContacts(unit),
        history: { formedFrom: formedFrom.get(unit.id) ?? [], nowPartOf: nowPartOf.get(unit.id) ?? [] },
      };
    },

    /** unit id → the next edition's units it became part of ("Nay thuộc …"). The directory is readable by anyone signed in. */
    async successorsOf(actor: Actor, unitIds: readonly string[]) {
      authorize(actor, 'unit.read', { unitPath: actor.unitPath });
      return successorsOf(db, unitIds);
    },

    /** unit id → the previous edition's units it was formed from ("Hình thành từ …"). */
    async predecessorsOf(actor: Actor, unitIds: readonly string[]) {
      authorize(actor, 'unit.read', { unitPath: actor.unitPath });
      return predecessorsOf(db, unitIds);
    },

    /**
     * Imports the 2025 → 2026 crosswalk into predecessor/successor links (idempotent: replaces the
     * links of the crosswalk; only units already imported are linked). Returns what matched and what
     * did not; one audit event with the counts.
     */
    async importHistory(actor: Actor) {
      authorize(actor, 'unit.write', { unitPath: NATION_ID });
      const { links, report } = buildCrosswalk();
      return db.transaction(async (tx) => {
        const stored = await repo.replaceHistoryLinks(tx, CROSSWALK_SOURCE, links);
        const summary = {
          provinces: report.provinces,
          communes: {
            total: report.communes.total,
            matched: report.communes.matched,
            notInEdition: report.communes.notInEdition.length,
            withoutPredecessor: report.communes.withoutPredecessor.length,
          },
          unmatchedNames: report.unmatchedNames.length,
          links: report.links,
          stored,
        };
        await recordAudit(tx, actor, { action: 'units.history.import', entity: 'edition', entityId: CROSSWALK_SOURCE, unitId: NATION_ID, after: summary });
        return { ...report, stored };
      });
    },

    async listChildren(actor: Actor, id: string, at: string | undefined): Promise<UnitView[]> {
      const unit = await loadOr404(id);
      authorize(actor, 'unit.read', { unitPath: unit.path });
      return (await repo.findChildren(db, unit.id, at ?? today())).map(presentUnit);
    },

    /**
     * Directory search for pickers: "tam duong" finds "Huyện Tam Đường" (both sides folded the same
     * way). By default only the tree in force at `at` (today): its units by name, then its units
     * formed from a former unit of that name ("Xã Bình Lư", formed from "Thị trấn Tam Đường").
     * With `editions: 'all'` also the units of other editions, after those, each labelled with
     * its list ("Danh mục 2025 (trước sắp xếp)") and the units it is now part of.
     */
    async searchUnits(actor: Actor, q: { q: string; at?: string | undefined; limit: number; editions?: 'current' | 'all' }) {
      authorize(actor, 'unit.read', { unitPath: actor.unitPath });
      const at = q.at ?? today();
      const folded = foldDiacritics(q.q);
      const [direct, viaFormer] = await Promise.all([
        repo.searchUnits(db, { folded, at, limit: q.limit, outOfForce: q.editions === 'all' }),
        repo.searchSuccessorsByFormerName(db, { folded, at, limit: q.limit }),
      ]);
      const hits = new Map<string, { row: UnitWithCount; formedFromMatch: { id: string; name: string } | null }>();
      const add = (row: UnitWithCount, formedFromMatch: { id: string; name: string } | null) => {
        if (!hits.has(row.id)) hits.set(row.id, { row, formedFromMatch });
      };
      for (const r of direct.filter((u) => inForceAt(u, at))) add(r, null);
      for (const r of viaFormer) add(r, { id: r.formerId, name: r.formerName });
      for (const r of direct) add(r, null);
      const picked = [...hits.values()].slice(0, q.limit);
      const rows = picked.map((h) => h.row);
      const [names, successors] = await Promise.all([
        pathNames(rows),
        successorsOf(
          db,
          rows.filter((r) => !inForceAt(r, at)).map((r) => r.id),
        ),
      ]);
      return picked.map(({ row: r, formedFromMatch }) => ({
        ...presentUnit(r),
        pathText: ancestorIds(r)
          .map((id) => names.get(id))
          .filter((n): n is string => Boolean(n))
          .reverse()
          .join(', '),
        inForce: inForceAt(r, at),
        editionLabel: editionLabel(r, at),
        nowPartOf: (successors.get(r.id) ?? []).map((u) => ({ id: u.id, name: u.name })),
        formedFromMatch,
      }));
    },

    async createOrganisation(actor: Actor, input: CreateUnitInput): Promise<UnitView> {
      const parent = await repo.findUnitById(db, input.parentId);
      if (!parent) throw new AppError('UNKNOWN_UNIT', { unit: input.parentId });
      const a = authorize(actor, 'unit.write', { unitPath: parent.path }, 'unit.read');
      if (input.kind === 'village' && parent.kind !== 'commune') throw new AppError('UNIT_KIND_NOT_ALLOWED');
      return insertChild(a, parent, input);
    },

    /**
     * The child entry (kind "other") of that name, created on first use: e.g. the entry that files
     * documents from senders outside the directory. The calling use case has authorised the actor
     * for the unit (an import needs only `import.create`); the creation is audited with that actor.
     */
    async ensureOtherChild(actor: Actor, parentId: string, name: string, opts: InTx = {}): Promise<string> {
      const q = opts.tx ?? db;
      const parent = await repo.findUnitById(q, parentId);
      if (!parent) throw new AppError('UNKNOWN_UNIT', { unit: parentId });
      const found = (await repo.findChildren(q, parent.id, today())).find((u) => u.kind === 'other' && u.name === name);
      if (found) return found.id;
      return (await insertChild(actor, parent, { parentId, name, kind: 'other' }, opts)).id;
    },

    async updateUnit(actor: Actor, id: string, input: UpdateUnitInput): Promise<UnitView> {
      const view = (u: UnitRow) => ({ name: u.name, shortName: u.shortName });
      return presentUnit(await patchUnit(actor, id, input, 'unit.update', view));
    },

    async updateContacts(actor: Actor, id: string, input: ContactsInput) {
      return presentContacts(await patchUnit(actor, id, input, 'unit.contacts.update', presentContacts));
    },

    /**
     * Imports a GSO edition (idempotent). Only a system administrator, or the system itself
     * (CLI, demo seeding), may import. One audit event summarises the import.
     */
    async importEdition(actor: Actor, edition: EditionId, opts: { provinceCodes?: readonly string[] } = {}) {
      authorize(actor, 'unit.write', { unitPath: NATION_ID });
      let rows = loadEdition(edition);
      if (opts.provinceCodes) {
        const keep = new Set(opts.provinceCodes);
        const provinceIds = new Set(rows.filter((r) => r.kind === 'province' && keep.has(r.code)).map((r) => r.id));
        rows = rows.filter((r) => r.path.split('.').some((id) => provinceIds.has(id)));
      }
      const { validFrom, validTo } = EDITIONS[edition];
      return db.transaction(async (tx) => {
        await ensureNation(tx);
        const changed = await repo.upsertEditionUnits(tx, edition, rows, { validFrom, validTo });
        const counts = await repo.countEditionUnits(tx, edition);
        await recordAudit(tx, actor, {
          action: 'units.import',
          entity: 'edition',
          entityId: edition,
          unitId: NATION_ID,
          after: { rows: rows.length, changed, counts },
        });
        return { edition, rows: rows.length, changed, counts };
      });
    },
  };
}

/** The single root above every province of every edition. */
async function ensureNation(tx: Db): Promise<void> {
  if (await repo.findUnitById(tx, NATION_ID)) return;
  await repo.insertUnit(tx, { id: NATION_ID, parentId: null, path: NATION_ID, depth: 0, name: 'Việt Nam', kind: 'nation', code: 'VN' });
}

export type UnitsService = ReturnType<typeof createUnitsService>;
