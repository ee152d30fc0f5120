import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import { hhmmOf, minutesOfDay } from '../../../shared/contracts/programmes.ts';
import type { ProgrammeInput, ProgrammeView, QueueItemView, QueueStatus } from '../../../shared/contracts/programmes.ts';
import type { Priority } from '../../../shared/contracts/device-protocol.ts';
import './programmes.errors.ts';
import * as repo from './programmes.repository.ts';
import type { ProgrammeRow, ProgrammeWrite } from './programmes.repository.ts';
import { conflictParams, findConflict } from './programmes.rules.ts';
import type { Slot } from './programmes.rules.ts';
import type { BulletinMediaFor, ProgrammeScheduling } from './programmes.schedule.ts';
import { planOf } from './programmes.schedule.ts';

const writeOf = (input: ProgrammeInput): ProgrammeWrite => ({
  name: input.name,
  days: input.days,
  startMinute: minutesOfDay(input.startTime),
  slotMinutes: input.slotMinutes,
  validFrom: input.validFrom,
  validUntil: input.validUntil,
  repeat: input.repeat,
});

/**
 * A commune's broadcast programmes (lịch phát sóng) and its bulletin queue, for staff. Reading: anyone with
 * broadcast.read over the commune, or in an office acting for its area (the province's Sở sees every
 * commune). Writing: programme.write in the commune. Every change is audited and republishes the
 * commune's device schedules through the outbox.
 */
export function createProgrammesService(deps: { db: Db; clock: Clock; units: UnitLookup; bulletinMediaFor: BulletinMediaFor; scheduling: ProgrammeScheduling }) {
  const { db, clock, units, bulletinMediaFor, scheduling } = deps;

  /** The subtree the actor reads programmes in: its own, or its area for an office acting for one. */
  async function readArea(actor: Actor): Promise<string | null> {
    if (!can(actor, 'broadcast.read', { unitPath: actor.unitPath })) return null;
    return (await units.areaPathOf(actor.unitId)) ?? actor.unitPath;
  }

  async function readable(actor: Actor, unitId: string): Promise<UnitRecord> {
    const unit = await units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    if (can(actor, 'broadcast.read', { unitPath: unit.path }) || hasGlobalScope(actor)) return unit;
    const area = await readArea(actor);
    if (area && isWithin(unit.path, area)) return unit;
    throw new AppError('NOT_FOUND');
  }

  async function writable(actor: Actor, unitId: string): Promise<{ unit: UnitRecord; a: Actor }> {
    const unit = await readable(actor, unitId);
    const a = authorize(actor, 'programme.write', { unitPath: unit.path });
    if (unit.kind !== 'commune') throw new AppError('PROGRAMME_UNIT_NOT_COMMUNE');
    return { unit, a };
  }

  async function present(rows: readonly ProgrammeRow[], tx: Db = db): Promise<ProgrammeView[]> {
    const playlists = await repo.playlistsOf(
      tx,
      rows.map((r) => r.id),
    );
    const media = await bulletinMediaFor([...new Set([...playlists.values()].flat())], { tx });
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: r.unitName,
      name: r.name,
      days: r.days,
      startTime: hhmmOf(r.startMinute),
      endTime: hhmmOf(r.startMinute + r.slotMinutes),
      slotMinutes: r.slotMinutes,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      repeat: r.repeat,
      playlist: (playlists.get(r.id) ?? []).map((id) => {
        const b = media.get(id);
        return { bulletinId: id, title: b?.title ?? '(không rõ)', priority: b?.priority ?? 'thuong' };
      }),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** Refuses a slot that overlaps another programme of the commune (409 naming it) and a playlist not from the queue. */
  async function check(tx: Db, unitId: string, id: string, input: ProgrammeInput): Promise<void> {
    await repo.lockCommune(tx, unitId);
    const others = await repo.findProgrammes(tx, { unitId });
    const w = writeOf(input);
    const candidate: Slot = { id, name: w.name, days: w.days, startMinute: w.startMinute, slotMinutes: w.slotMinutes, validFrom: w.validFrom, validUntil: w.validUntil ?? null };
    const conflict = findConflict(
      candidate,
      others.map((o) => planOf(o, [])),
    );
    if (conflict) throw new AppError('PROGRAMME_CONFLICT', conflictParams(conflict));
    await checkPlaylist(tx, unitId, input.playlist);
  }

  async function checkPlaylist(tx: Db, unitId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const queued = new Map((await repo.findQueue(tx, [unitId])).map((q) => [q.bulletinId, q]));
    const media = await bulletinMediaFor(ids, { tx });
    for (const id of ids) {
      const q = queued.get(id);
      if (!q || q.status === 'dismissed') throw new AppError('PROGRAMME_NOT_IN_QUEUE');
      const b = media.get(id);
      if (!b || b.status !== 'published') throw new AppError('PROGRAMME_BULLETIN_NOT_PLAYABLE', { title: b?.title ?? id });
    }
  }

  async function programmeOf(actor: Actor, unitId: string, programmeId: string) {
    const found = await writable(actor, unitId);
    const p = await repo.findProgramme(db, programmeId);
    if (!p || p.unitId !== unitId) throw new AppError('NOT_FOUND');
    return { ...found, p };
  }

  const auditFields = (input: ProgrammeInput) => ({ ...input, playlist: [...input.playlist] });

  async function queueView(unitId: string, tx: Db = db): Promise<QueueItemView[]> {
    const rows = await repo.findQueue(tx, [unitId]);
    // One after the other: `tx` may be a transaction's single connection (node-postgres refuses concurrent queries there).
    const media = await bulletinMediaFor(
      rows.map((r) => r.bulletinId),
      { tx },
    );
    const programmes = await repo.findProgrammes(tx, { unitId });
    const names = new Map(programmes.map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      bulletinId: r.bulletinId,
      title: media.get(r.bulletinId)?.title ?? '(không rõ)',
      priority: r.priority as Priority,
      status: r.status as QueueStatus,
      urgent: r.urgent,
      programmeId: r.programmeId,
      programmeName: r.programmeId ? (names.get(r.programmeId) ?? null) : null,
      queuedAt: r.queuedAt.toISOString(),
    }));
  }

  return {
    /** The programmes of a commune, or with `subtree` of every commune under a unit (the province view). */
    async listProgrammes(actor: Actor, unitId: string, q: { subtree: boolean }): Promise<{ items: ProgrammeView[]; capabilities: { write: boolean } }> {
      const unit = await readable(actor, unitId);
      const rows = await repo.findProgrammes(db, q.subtree ? { path: unit.path } : { unitId });
      const write = unit.kind === 'commune' && can(actor, 'programme.write', { unitPath: unit.path });
      return { items: await present(rows), capabilities: { write } };
    },

    async createProgramme(actor: Actor, unitId: string, input: ProgrammeInput): Promise<ProgrammeView> {
      const { unit, a } = await writable(actor, unitId);
      return db.transaction(async (tx) => {
        await check(tx, unit.id, '', input);
        const id = await repo.insertProgramme(tx, { ...writeOf(input), unitId: unit.id, createdBy: a.userId }, clock.now());
        await repo.setPlaylist(tx, unit.id, id, input.playlist, clock.now());
        await recordAudit(tx, a, { action: 'programme.create', entity: 'programme', entityId: id, unitId: unit.id, after: auditFields(input) });
        await scheduling.republish(tx, [unit.id]);
        const [view] = await present([(await repo.findProgramme(tx, id))!], tx);
        return view!;
      });
    },

    async updateProgramme(actor: Actor, unitId: string, programmeId: string, input: ProgrammeInput): Promise<ProgrammeView> {
      const { unit, a, p } = await programmeOf(actor, unitId, programmeId);
      return db.transaction(async (tx) => {
        await check(tx, unit.id, p.id, input);
        const [before] = await present([p], tx);
        await repo.updateProgramme(tx, p.id, writeOf(input), clock.now());
        await repo.setPlaylist(tx, unit.id, p.id, input.playlist, clock.now());
        await recordAudit(tx, a, { action: 'programme.update', entity: 'programme', entityId: p.id, unitId: unit.id, before, after: auditFields(input) });
        await scheduling.republish(tx, [unit.id]);
        const [view] = await present([(await repo.findProgramme(tx, p.id))!], tx);
        return view!;
      });
    },

    /** Deletes the programme; the bulletins it held go back to waiting in the queue. */
    async deleteProgramme(actor: Actor, unitId: string, programmeId: string): Promise<void> {
      const { unit, a, p } = await programmeOf(actor, unitId, programmeId);
      await db.transaction(async (tx) => {
        const [before] = await present([p], tx);
        await repo.setPlaylist(tx, unit.id, p.id, [], clock.now());
        await repo.deleteProgramme(tx, p.id);
        await recordAudit(tx, a, { action: 'programme.delete', entity: 'programme', entityId: p.id, unitId: unit.id, before });
        await scheduling.republish(tx, [unit.id]);
      });
    },

    /** The bulletins addressed to the commune: waiting, placed (with their programme) and dismissed. */
    async listQueue(actor: Actor, unitId: string): Promise<{ items: QueueItemView[]; capabilities: { write: boolean } }> {
      const unit = await readable(actor, unitId);
      const write = unit.kind === 'commune' && can(actor, 'programme.write', { unitPath: unit.path });
      return { items: await queueView(unit.id), capabilities: { write } };
    },

    /** "Xếp vào chương trình": at the end of the programme's playlist (an ưu tiên bulletin at its head). */
    async placeQueued(actor: Actor, unitId: string, bulletinId: string, programmeId: string): Promise<QueueItemView> {
      const { unit, a, p } = await programmeOf(actor, unitId, programmeId);
      return db.transaction(async (tx) => {
        await checkPlaylist(tx, unit.id, [bulletinId]);
        const q = (await repo.findQueueItem(tx, unit.id, bulletinId))!;
        const ends = await repo.playlistEnds(tx, p.id);
        const position = q.priority === 'uu_tien' ? (ends.head ?? 1) - 1 : (ends.tail ?? -1) + 1;
        await repo.placeQueued(tx, unit.id, bulletinId, p.id, position, clock.now());
        await recordAudit(tx, a, { action: 'programme.place', entity: 'programme', entityId: p.id, unitId: unit.id, after: { bulletinId, programme: p.name } });
        await scheduling.republish(tx, [unit.id]);
        return (await queueView(unit.id, tx)).find((i) => i.bulletinId === bulletinId)!;
      });
    },

    /** The commune decides not to broadcast it (out of any playlist too). */
    async dismissQueued(actor: Actor, unitId: string, bulletinId: string): Promise<QueueItemView> {
      const { unit, a } = await writable(actor, unitId);
      return db.transaction(async (tx) => {
        const q = await repo.findQueueItem(tx, unit.id, bulletinId);
        if (!q) throw new AppError('NOT_FOUND');
        await repo.dismissQueued(tx, unit.id, bulletinId, clock.now());
        await recordAudit(tx, a, { action: 'programme.dismiss', entity: 'bulletin', entityId: bulletinId, unitId: unit.id, after: { bulletinId } });
        if (q.status === 'placed') await scheduling.republish(tx, [unit.id]);
        return (await queueView(unit.id, tx)).find((i) => i.bulletinId === bulletinId)!;
      });
    },
  };
}
export type ProgrammesService = ReturnType<typeof createProgrammesService>;
