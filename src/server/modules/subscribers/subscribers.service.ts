import type { Db } from '../../db/client.ts';
import { inTx, type InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, can, systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { maskPhone, normalisePhone, type Telco } from '../../../shared/sms/phone.ts';
import type { CreateListInput, ImportInput, ImportReport, OptOutSource, SubscriberListView, SubscriberView, UpdateListInput } from '../../../shared/contracts/subscribers.ts';
import { SUBSCRIBER_LIMITS } from '../../../shared/contracts/subscribers.ts';
import { readSheet } from '../../platform/sheet.ts';
import { parseSubscriberRows, subscriberFileUnreadable } from './import-rows.ts';
import './subscribers.errors.ts';
import * as repo from './subscribers.repository.ts';
import type { ListRow, SubscriberRow } from './subscribers.repository.ts';

type Capabilities = { write: boolean; readPhones: boolean };

const capabilitiesAt = (actor: Actor, unitPath: string): Capabilities => ({
  write: can(actor, 'subscriber.write', { unitPath }),
  readPhones: can(actor, 'subscriber.read', { unitPath }),
});

const presentList = (actor: Actor, l: ListRow): SubscriberListView => ({
  id: l.id,
  unitId: l.unitId,
  unitName: l.unitName,
  name: l.name,
  kind: l.kind as SubscriberListView['kind'],
  description: l.description,
  subscribers: l.subscribers,
  optedOut: l.optedOut,
  updatedAt: new Date(l.updatedAt).toISOString(),
  capabilities: capabilitiesAt(actor, l.unitPath),
});

const presentSubscriber = (s: SubscriberRow, readPhones: boolean): SubscriberView => ({
  id: s.id,
  listId: s.listId,
  fullName: s.fullName,
  phone: readPhones ? s.phone : maskPhone(s.phone),
  telco: s.telco as Telco,
  village: s.village,
  optedOut: s.optedOutAt !== null,
  optOutSource: (s.optOutSource as OptOutSource | null) ?? null,
  optOutReason: s.optOutReason,
  optedOutAt: s.optedOutAt ? new Date(s.optedOutAt).toISOString() : null,
});

export type Priority = 'thuong' | 'uu_tien' | 'khan_cap';

export interface Recipient {
  subscriberId: string;
  /** 0xxxxxxxxx, 10 digits. */
  phone: string;
  telco: Telco;
  unitId: string;
}

/**
 * Subscriber lists of units (danh sách thuê bao nhận tin nhắn SMS): import, opt-out, and the
 * recipients of a broadcast. Full numbers need subscriber.read; others see them masked.
 */
export function createSubscribersService(deps: { db: Db; clock: Clock; units: UnitLookup }) {
  const { db, clock, units } = deps;

  async function unitFor(actor: Actor, unitId: string, permission: 'subscriber.list' | 'subscriber.write') {
    const unit = await units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { unit, a: authorize(actor, permission, { unitPath: unit.path }) };
  }

  /** The list, or 404 — also when it belongs to a unit the actor may not see (no existence leak). */
  async function listFor(actor: Actor, listId: string, permission: 'subscriber.list' | 'subscriber.write', tx: Db = db) {
    const list = await repo.findList(tx, listId);
    if (!list) throw new AppError('NOT_FOUND');
    return { list, a: authorize(actor, permission, { unitPath: list.unitPath }, 'subscriber.list') };
  }

  return {
    async listLists(actor: Actor, unitId: string, q: { subtree: boolean }): Promise<{ items: SubscriberListView[]; capabilities: Capabilities }> {
      const { unit } = await unitFor(actor, unitId, 'subscriber.list');
      const rows = await repo.findLists(db, q.subtree ? { path: unit.path } : { unitId: unit.id });
      return { items: rows.map((l) => presentList(actor, l)), capabilities: capabilitiesAt(actor, unit.path) };
    },

    async getList(actor: Actor, listId: string): Promise<SubscriberListView> {
      const { list } = await listFor(actor, listId, 'subscriber.list');
      return presentList(actor, list);
    },

    async createList(actor: Actor, unitId: string, input: CreateListInput): Promise<SubscriberListView> {
      const { unit, a } = await unitFor(actor, unitId, 'subscriber.write');
      return db.transaction(async (tx) => {
        const id = await repo.insertList(tx, { unitId: unit.id, name: input.name, kind: input.kind, description: input.description, createdBy: a.userId, at: clock.now() });
        await recordAudit(tx, a, { action: 'subscriber_list.create', entity: 'subscriber_list', entityId: id, unitId: unit.id, after: input });
        return presentList(actor, (await repo.findList(tx, id))!);
      });
    },

    async updateList(actor: Actor, listId: string, patch: UpdateListInput): Promise<SubscriberListView> {
      const { list, a } = await listFor(actor, listId, 'subscriber.write');
      return db.transaction(async (tx) => {
        await repo.updateList(tx, list.id, patch, clock.now());
        await recordAudit(tx, a, {
          action: 'subscriber_list.update',
          entity: 'subscriber_list',
          entityId: list.id,
          unitId: list.unitId,
          before: { name: list.name, kind: list.kind, description: list.description },
          after: patch,
        });
        return presentList(actor, (await repo.findList(tx, list.id))!);
      });
    },

    async deleteList(actor: Actor, listId: string): Promise<void> {
      const { list, a } = await listFor(actor, listId, 'subscriber.write');
      await db.transaction(async (tx) => {
        await repo.deleteList(tx, list.id);
        await recordAudit(tx, a, {
          action: 'subscriber_list.delete',
          entity: 'subscriber_list',
          entityId: list.id,
          unitId: list.unitId,
          before: { name: list.name, kind: list.kind, subscribers: list.subscribers },
        });
      });
    },

    async listSubscribers(
      actor: Actor,
      listId: string,
      q: { q?: string | undefined; offset: number; limit: number },
    ): Promise<{ items: SubscriberView[]; total: number; capabilities: Capabilities }> {
      const { list } = await listFor(actor, listId, 'subscriber.list');
      const caps = capabilitiesAt(actor, list.unitPath);
      const { rows, total } = await repo.findSubscribers(db, list.id, { search: q.q, offset: q.offset, limit: q.limit });
      return { items: rows.map((s) => presentSubscriber(s, caps.readPhones)), total, capabilities: caps };
    },

    /**
     * Import a CSV/XLSX file into a list: all or nothing. A dry run (the default) only reports what
     * would change; a real run with any bad row throws SUBSCRIBER_IMPORT_INVALID (422) with the rows
     * and writes nothing. Numbers already in the list get the file's name and village; opted-out
     * subscribers stay opted out.
     */
    async importFile(actor: Actor, listId: string, input: ImportInput): Promise<ImportReport> {
      const { list, a } = await listFor(actor, listId, 'subscriber.write');
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
      if (bytes.length > SUBSCRIBER_LIMITS.fileBytes) throw new AppError('PAYLOAD_TOO_LARGE');
      const parsed = parseSubscriberRows(await readSheet(input.fileName, bytes, subscriberFileUnreadable));
      const readPhones = can(actor, 'subscriber.read', { unitPath: list.unitPath });
      return db.transaction(async (tx) => {
        const existing = new Map((await repo.lockListSubscribers(tx, list.id)).map((s) => [s.phone, s]));
        const report: ImportReport = {
          dryRun: input.dryRun,
          imported: false,
          rows: parsed.rows,
          added: 0,
          updated: 0,
          unchanged: 0,
          mergedInFile: parsed.mergedInFile,
          errorCount: parsed.errors.length,
          errors: parsed.errors.slice(0, SUBSCRIBER_LIMITS.errorsShown),
          notes: parsed.notes.slice(0, SUBSCRIBER_LIMITS.errorsShown),
          byTelco: {},
          sample: [],
        };
        const inserts: repo.SubscriberInsert[] = [];
        const updates: { id: string; fullName: string | null; village: string | null }[] = [];
        const at = clock.now();
        for (const s of parsed.subscribers) {
          report.byTelco[s.telco] = (report.byTelco[s.telco] ?? 0) + 1;
          const old = existing.get(s.phone);
          let status: 'new' | 'update' | 'same';
          if (!old) {
            status = 'new';
            inserts.push({ listId: list.id, unitId: list.unitId, fullName: s.fullName, phone: s.phone, telco: s.telco, village: s.village, at });
          } else {
            const fullName = s.fullName ?? old.fullName;
            const village = s.village ?? old.village;
            status = fullName !== old.fullName || village !== old.village ? 'update' : 'same';
            if (status === 'update') updates.push({ id: old.id, fullName, village });
          }
          report[status === 'new' ? 'added' : status === 'update' ? 'updated' : 'unchanged']++;
          if (report.sample.length < 20)
            report.sample.push({ line: s.line, fullName: s.fullName, phone: readPhones ? s.phone : maskPhone(s.phone), telco: s.telco, village: s.village, status });
        }
        if (input.dryRun) return report;
        if (parsed.errors.length > 0) {
          throw new AppError(
            'SUBSCRIBER_IMPORT_INVALID',
            { count: parsed.errors.length },
            report.errors.map((e) => ({ path: `line.${e.line}`, message: e.message })),
          );
        }
        await repo.insertSubscribers(tx, inserts);
        await repo.updateSubscriberDetails(tx, updates, at);
        await repo.touchList(tx, list.id, at);
        await recordAudit(tx, a, {
          action: 'subscriber.import',
          entity: 'subscriber_list',
          entityId: list.id,
          unitId: list.unitId,
          after: { fileName: input.fileName, rows: report.rows, added: report.added, updated: report.updated, unchanged: report.unchanged, mergedInFile: report.mergedInFile },
        });
        return { ...report, imported: true };
      });
    },

    /** Staff opt a subscriber out (with the reason); audited. */
    async optOutSubscriber(actor: Actor, subscriberId: string, reason: string): Promise<SubscriberView> {
      const found = await repo.findSubscriber(db, subscriberId);
      if (!found) throw new AppError('NOT_FOUND');
      const { list, a } = await listFor(actor, found.listId, 'subscriber.write');
      if (found.optedOutAt) throw new AppError('SUBSCRIBER_ALREADY_OPTED_OUT');
      return db.transaction(async (tx) => {
        const [row] = await repo.setOptedOut(tx, { id: found.id }, { source: 'staff', reason, at: clock.now() });
        if (!row) throw new AppError('SUBSCRIBER_ALREADY_OPTED_OUT');
        await recordAudit(tx, a, { action: 'subscriber.opt_out', entity: 'subscriber', entityId: row.id, unitId: list.unitId, after: { source: 'staff', reason } });
        return presentSubscriber(row, can(actor, 'subscriber.read', { unitPath: list.unitPath }));
      });
    },

    /** Staff record that an opted-out subscriber asked to receive messages again (with the reason); audited. */
    async optInSubscriber(actor: Actor, subscriberId: string, reason: string): Promise<SubscriberView> {
      const found = await repo.findSubscriber(db, subscriberId);
      if (!found) throw new AppError('NOT_FOUND');
      const { list, a } = await listFor(actor, found.listId, 'subscriber.write');
      return db.transaction(async (tx) => {
        const row = await repo.clearOptOut(tx, found.id, clock.now());
        if (!row) throw new AppError('SUBSCRIBER_NOT_OPTED_OUT');
        await recordAudit(tx, a, {
          action: 'subscriber.opt_in',
          entity: 'subscriber',
          entityId: row.id,
          unitId: list.unitId,
          before: { source: found.optOutSource, reason: found.optOutReason },
          after: { reason },
        });
        return presentSubscriber(row, can(actor, 'subscriber.read', { unitPath: list.unitPath }));
      });
    },

    /**
     * Marks every subscriber with that number (any spelling: 84…, +84…, 0…) opted out, in any list of
     * any unit; returns how many rows changed (0 for a number that is not a mobile number). For the SMS channel: a keyword reply (TU CHOI, HUY, STOP) is `sms_keyword`, audited as
     * the system. No access check: the caller decides (a keyword reply comes from the number itself).
     */
    async optOut(phone: string, source: OptOutSource, opts: InTx = {}): Promise<number> {
      // An MO's source address comes as 84xxxxxxxxx (or +84…): the stored form is 0xxxxxxxxx.
      const normalised = normalisePhone(phone);
      if (!normalised) return 0;
      return inTx(db, opts, async (tx) => {
        const rows = await repo.setOptedOut(tx, { phone: normalised }, { source, reason: source === 'sms_keyword' ? 'Trả lời tin nhắn từ chối nhận tin' : null, at: clock.now() });
        if (rows.length > 0) {
          await recordAudit(
            tx,
            systemActor(source === 'sms_keyword' ? 'job:sms.keyword-opt-out' : 'job:sms.opt-out'),
            rows.map((r) => ({ action: 'subscriber.opt_out', entity: 'subscriber', entityId: r.id, unitId: r.unitId, after: { source, phone: maskPhone(r.phone) } })),
          );
        }
        return rows.length;
      });
    },

    /**
     * The recipients of a broadcast: one row per distinct phone among the lists of the units' subtrees
     * and the lists named. Opted-out numbers are left out (a number opted out in any of those rows),
     * except for khẩn cấp messages, which reach everyone. No access check: the caller (broadcasts)
     * authorises on the units.
     */
    /** The owning unit of each list found (no access check: broadcasts checks the drafter's reach on them). */
    listUnits(listIds: readonly string[], opts: InTx = {}): Promise<{ id: string; unitId: string; unitPath: string }[]> {
      return repo.findListUnits(opts.tx ?? db, listIds);
    },

    async recipientsFor(audience: { unitIds: string[]; listIds: string[] }, options: { priority: Priority }, opts: InTx = {}): Promise<Recipient[]> {
      const tx = opts.tx ?? db;
      const found = audience.unitIds.length ? await units.byIds(audience.unitIds, { tx }) : [];
      const rows = await repo.findRecipients(tx, { unitPaths: found.map((u) => u.path), listIds: audience.listIds, includeOptedOut: options.priority === 'khan_cap' });
      return rows.map((r) => ({ ...r, telco: r.telco as Telco }));
    },
  };
}
export type SubscribersService = ReturnType<typeof createSubscribersService>;
