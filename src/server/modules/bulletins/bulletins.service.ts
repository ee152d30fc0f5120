import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { DeviceCommand } from '../../../shared/contracts/device-protocol.ts';
import type { BulletinInput, BulletinStatus, BulletinSummary, BulletinView, CreateBulletinBody, UpdateBulletinBody } from '../../../shared/contracts/bulletins.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import type { BulletinAudioService } from './bulletins.audio.ts';
import { dispatchJob, dispatchJobId } from './bulletins.dispatch.ts';
import type { Dispatcher } from './bulletins.dispatch.ts';
import './bulletins.errors.ts';
import { defaultLedPages, mediaOf } from './bulletins.media.ts';
import { presentBulletin, presentSummary, statusAt } from './bulletins.present.ts';
import * as repo from './bulletins.repository.ts';
import type { BulletinRow, BulletinWrite } from './bulletins.repository.ts';

/** What publishing needs from the commune programmes (programmes service, same module; see B-to-C notes in index.ts). */
export interface ProgrammesPort {
  /** thường: the bulletin waits in the commune's queue. */
  enqueue: (tx: Db, o: { unitId: string; bulletinId: string }) => Promise<void>;
  /** ưu tiên: at the head of the commune's next slot. */
  placePriority: (tx: Db, o: { unitId: string; bulletinId: string }) => Promise<void>;
  /** Cancelled: out of every queue and playlist. */
  remove: (tx: Db, bulletinId: string) => Promise<void>;
  /** The device's programme as a protocol `schedule` command, for the HTTP pull fallback (null: none). */
  scheduleCommandFor: (deviceId: string) => Promise<DeviceCommand | null>;
}

/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving. */
const VN_OFFSET_MS = 7 * 3600_000;

type Permission = 'broadcast.read' | 'broadcast.draft' | 'broadcast.approve';

/** The khẩn cấp publication's send job runs this long after approval: the dispatch right after commit normally did it all. */
const DISPATCH_JOB_DELAY_MS = 30_000;

/** In a caller's transaction: what must wait for its commit (the khẩn cấp send) is handed to `afterCommit`. */
export type InTxAfterCommit = InTx & { afterCommit?: (work: () => void) => void };

export interface BulletinsDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  units: UnitLookup;
  audio: BulletinAudioService;
  dispatcher: Dispatcher;
  programmes: ProgrammesPort;
  publicUrl: () => string;
}

/** Bulletins: composing, the workflow by role (drafter → approver), publication per priority, cancellation. */
export function createBulletinsService(deps: BulletinsDeps) {
  const { db, clock, units, audio, dispatcher } = deps;

  /** The subtree the unit acts for: its own, or its area for an office (the province's Sở: the province). */
  async function areaOf(unit: UnitRecord, tx: Db): Promise<string> {
    return (await units.areaPathOf(unit.id, { tx })) ?? unit.path;
  }

  async function actorArea(actor: Actor, tx: Db): Promise<string> {
    return (await units.areaPathOf(actor.unitId, { tx })) ?? actor.unitPath;
  }

  /**
   * The bulletin and what the actor may do: its issuer's people by role; readers of an office acting for an area
   * read the area's bulletins and those addressed to their communes (read only). Others: 404.
   */
  async function load(actor: Actor, id: string, permission: Permission, tx: Db = db, forUpdate = false) {
    const b = await repo.findBulletin(tx, id, { forUpdate });
    if (!b) throw new AppError('NOT_FOUND');
    const unit = await units.byId(b.unitId, { tx });
    if (!unit) throw new AppError('NOT_FOUND');
    if (!can(actor, 'broadcast.read', { unitPath: unit.path })) {
      const targets = await units.byIds(b.targetUnitIds, { tx });
      const area = can(actor, 'broadcast.read', { unitPath: actor.unitPath }) ? await actorArea(actor, tx) : null;
      const reads = area !== null && (isWithin(unit.path, area) || targets.some((t) => isWithin(t.path, area)));
      if (!reads) throw new AppError('NOT_FOUND');
      if (permission !== 'broadcast.read') throw new AppError('FORBIDDEN');
      return { b, unit, a: actor };
    }
    return { b, unit, a: authorize(actor, permission, { unitPath: unit.path }) };
  }

  /** The communes it goes to: those asked for, each in the issuer's area, or every commune of the area. */
  async function resolveTargets(unit: UnitRecord, requested: readonly string[], tx: Db): Promise<string[]> {
    // A commune addresses itself; an office, the communes in force today in the area it acts for.
    const today = new Date(clock.now().getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
    const communes = new Set(unit.kind === 'commune' ? [unit.id] : await repo.communesUnder(tx, await areaOf(unit, tx), today));
    const asked = [...new Set(requested)];
    if (asked.some((id) => !communes.has(id))) throw new AppError('BULLETIN_BAD_TARGET');
    const out = asked.length ? asked : [...communes];
    if (out.length === 0) throw new AppError('BULLETIN_NO_TARGET');
    return out;
  }

  const write = (i: BulletinInput, targetUnitIds: string[]): BulletinWrite => ({
    title: i.title,
    priority: i.priority,
    source: i.source,
    text: i.text,
    streamUrl: i.streamUrl ?? null,
    ledPages: i.ledPages ?? defaultLedPages(i.title, i.text),
    repeat: i.repeat,
    targetUnitIds,
    validUntil: i.validUntil ? new Date(i.validUntil) : null,
  });

  async function view(actor: Actor, b: BulletinRow, unit: { name: string; path: string }, tx: Db = db): Promise<BulletinView> {
    const targets = await units.byIds(b.targetUnitIds, { tx });
    const byId = new Map(targets.map((t) => [t.id, t]));
    const targetUnits = b.targetUnitIds.flatMap((id) => {
      const t = byId.get(id);
      return t ? [{ id: t.id, name: t.name, code: t.code }] : [];
    });
    const devices = (await repo.targetCounts(tx, [b.id])).get(b.id) ?? 0;
    return presentBulletin(actor, b, unit, { devices, targetUnits, now: clock.now() });
  }

  /** The TTS audio of its text, when it changed (outside transactions: synthesis takes a moment). */
  async function refreshTts(id: string, strict: boolean, tx: Db = db): Promise<void> {
    const b = (await repo.findBulletin(tx, id))!;
    try {
      const fresh = await audio.ttsFor(b);
      if (!fresh) return;
      await repo.setAudio(tx, id, fresh, clock.now());
      await audio.discard(b.audioKey);
    } catch (err) {
      // Saving a draft keeps it even when the TTS is down; submitting and publishing need the audio.
      if (strict) throw err;
    }
  }

  /** Submitting and publishing need something to play (loudspeakers) — LED boards show the pages in any case. */
  async function assertPlayable(id: string, tx: Db = db): Promise<void> {
    const b = (await repo.findBulletin(tx, id))!;
    if (b.source === 'tts') await refreshTts(id, true, tx);
    const now = (await repo.findBulletin(tx, id))!;
    if (!mediaOf(now, deps.publicUrl())) throw new AppError('BULLETIN_NO_MEDIA');
  }

  async function publish(actor: Actor, id: string, o: { emergency: boolean; idempotencyKey: string | undefined }, opts: InTxAfterCommit = {}): Promise<BulletinView> {
    const first = await load(actor, id, 'broadcast.approve', opts.tx ?? db);
    const key = o.idempotencyKey ?? null;
    if (first.b.status === 'published' && key && first.b.approveKey === key) return view(actor, first.b, first.unit, opts.tx ?? db);
    if (first.b.status === 'draft' || first.b.status === 'submitted') await assertPlayable(id, opts.tx ?? db);
    let sendNow: { b: BulletinRow; targets: repo.TargetInsert[] } | null = null;
    const out = await inTx(db, opts, async (tx) => {
      const { b, unit, a } = await load(actor, id, 'broadcast.approve', tx, true);
      if (b.status === 'published' && key && b.approveKey === key) return view(actor, b, unit, tx);
      if (b.status === 'published' && key) throw new AppError('BULLETIN_IDEMPOTENCY_MISMATCH');
      if (o.emergency && b.priority !== 'khan_cap') throw new AppError('BULLETIN_NOT_EMERGENCY');
      const from: BulletinStatus[] = o.emergency ? ['draft', 'submitted'] : ['submitted'];
      if (!from.includes(b.status)) throw new AppError('BULLETIN_BAD_STATUS', { status: statusAt(b, clock.now()) });
      const now = clock.now();
      const devices = await repo.activeDevicesOf(tx, b.targetUnitIds);
      const targets = devices.map((d) => ({ bulletinId: b.id, deviceId: d.id, unitId: d.unitId, kind: d.kind, commandId: randomUUID() }));
      await repo.insertTargets(tx, targets);
      await repo.setStatus(tx, b.id, from, { to: 'published', approvedBy: a.userId, emergency: o.emergency, approveKey: key }, now);
      if (b.priority === 'khan_cap') {
        await deps.jobs.enqueue(tx, dispatchJob, { bulletinId: b.id }, { id: dispatchJobId(b.id), runAt: new Date(now.getTime() + DISPATCH_JOB_DELAY_MS) });
      } else {
        const place = b.priority === 'uu_tien' ? deps.programmes.placePriority : deps.programmes.enqueue;
        for (const unitId of b.targetUnitIds) await place(tx, { unitId, bulletinId: b.id });
      }
      await recordAudit(tx, a, {
        action: o.emergency ? 'bulletin.emergency_publish' : 'bulletin.publish',
        entity: 'bulletin',
        entityId: b.id,
        unitId: b.unitId,
        before: { status: b.status },
        after: { status: 'published', priority: b.priority, communes: b.targetUnitIds.length, devices: targets.length },
      });
      const published = (await repo.findBulletin(tx, b.id))!;
      if (b.priority === 'khan_cap') sendNow = { b: published, targets };
      return view(actor, published, unit, tx);
    });
    // Committed: the khẩn cấp commands go out now (the job, due later, sends what this did not).
    const s = sendNow as { b: BulletinRow; targets: repo.TargetInsert[] } | null;
    // In a caller's transaction the caller sends once it committed (without afterCommit the delayed job does).
    if (s && opts.tx) opts.afterCommit?.(() => dispatcher.sendSoon(s.b, s.targets));
    else if (s) dispatcher.sendSoon(s.b, s.targets);
    return out;
  }

  async function step(actor: Actor, id: string, kind: 'submit' | 'cancel', reason: string | null = null): Promise<BulletinView> {
    if (kind === 'submit') {
      await load(actor, id, 'broadcast.draft');
      await assertPlayable(id);
    }
    let stopped: string[] = [];
    const out = await db.transaction(async (tx) => {
      const { b, unit } = await load(actor, id, 'broadcast.read', tx, true);
      const now = clock.now();
      const status = statusAt(b, now);
      const live = status === 'published';
      // Submitting is the drafter's; cancelling a draft or a submitted one the drafter's or the approver's; a published one the approver's.
      const either = kind === 'cancel' && !live && can(actor, 'broadcast.approve', { unitPath: unit.path });
      const a = authorize(actor, either || live ? 'broadcast.approve' : 'broadcast.draft', { unitPath: unit.path });
      const from: BulletinStatus[] = kind === 'submit' ? ['draft'] : ['draft', 'submitted', 'published'];
      const stamp = kind === 'submit' ? ({ to: 'submitted' } as const) : ({ to: 'cancelled', cancelledBy: a.userId, reason } as const);
      if (!from.includes(status) || !(await repo.setStatus(tx, b.id, from, stamp, now))) throw new AppError('BULLETIN_BAD_STATUS', { status });
      if (live) {
        stopped = await repo.stopTargets(tx, b.id, now);
        await deps.programmes.remove(tx, b.id);
      }
      await recordAudit(tx, a, {
        action: kind === 'submit' ? 'bulletin.submit' : 'bulletin.cancel',
        entity: 'bulletin',
        entityId: b.id,
        unitId: b.unitId,
        before: { status: b.status },
        after: { status: stamp.to, ...(kind === 'cancel' ? { reason, stoppedDevices: stopped.length } : {}) },
      });
      return view(actor, (await repo.findBulletin(tx, b.id))!, unit, tx);
    });
    if (stopped.length) dispatcher.stopSoon(stopped, id);
    return out;
  }

  return {
    async createBulletin(actor: Actor, body: CreateBulletinBody, opts: InTx = {}): Promise<BulletinView> {
      const unit = await units.byId(body.unitId, opts);
      if (!unit) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'broadcast.draft', { unitPath: unit.path }, 'broadcast.read');
      const created = await inTx(db, opts, async (tx) => {
        const input = write(body, await resolveTargets(unit, body.targetUnitIds ?? [], tx));
        const b = await repo.insertBulletin(tx, { ...input, unitId: unit.id, createdBy: a.userId, at: clock.now() });
        await recordAudit(tx, a, {
          action: 'bulletin.create',
          entity: 'bulletin',
          entityId: b.id,
          unitId: unit.id,
          after: { title: b.title, priority: b.priority, source: b.source },
        });
        return b;
      });
      // In a caller's transaction the audio is read in it too (synthesis holds the transaction a moment).
      await refreshTts(created.id, false, opts.tx ?? db);
      return view(actor, (await repo.findBulletin(opts.tx ?? db, created.id))!, unit, opts.tx ?? db);
    },

    async updateBulletin(actor: Actor, id: string, patch: UpdateBulletinBody): Promise<BulletinView> {
      const unit = await db.transaction(async (tx) => {
        const { b, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (b.status !== 'draft') throw new AppError('BULLETIN_BAD_STATUS', { status: b.status });
        const current: BulletinInput = { ...b, validUntil: b.validUntil?.toISOString() ?? null };
        // LED pages built from the old text follow a new text unless the patch gives pages of its own.
        const merged = { ...current, ledPages: patch.ledPages === undefined && (patch.text !== undefined || patch.title !== undefined) ? null : current.ledPages, ...patch };
        const input = write(merged, await resolveTargets(unit, merged.targetUnitIds ?? [], tx));
        await repo.updateBulletin(tx, b.id, input, clock.now());
        await recordAudit(tx, a, { action: 'bulletin.update', entity: 'bulletin', entityId: b.id, unitId: b.unitId, before: { title: b.title }, after: { title: input.title } });
        return unit;
      });
      await refreshTts(id, false);
      return view(actor, (await repo.findBulletin(db, id))!, unit);
    },

    /** An uploaded audio file becomes what the draft plays (its source becomes `audio`). */
    async uploadAudio(actor: Actor, id: string, file: { fileName: string; contentBase64: string }): Promise<BulletinView> {
      await load(actor, id, 'broadcast.draft');
      const fresh = await audio.fromUpload(file.contentBase64);
      let old: string | null = null;
      const out = await db.transaction(async (tx) => {
        const { b, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (b.status !== 'draft') throw new AppError('BULLETIN_BAD_STATUS', { status: b.status });
        old = b.audioKey;
        await repo.updateBulletin(tx, b.id, { ...b, source: 'audio' }, clock.now());
        await repo.setAudio(tx, b.id, fresh, clock.now());
        await recordAudit(tx, a, {
          action: 'bulletin.audio',
          entity: 'bulletin',
          entityId: b.id,
          unitId: b.unitId,
          after: { fileName: file.fileName, contentType: fresh.audioContentType, durationMs: fresh.audioDurationMs, sha256: fresh.audioSha256 },
        });
        return view(actor, (await repo.findBulletin(tx, b.id))!, unit, tx);
      });
      await audio.discard(old);
      return out;
    },

    async getBulletin(actor: Actor, id: string): Promise<BulletinView> {
      const { b, unit } = await load(actor, id, 'broadcast.read');
      return view(actor, b, unit);
    },

    /** The stored audio for staff listening in the admin UI. */
    async openAudio(actor: Actor, id: string) {
      const { b } = await load(actor, id, 'broadcast.read');
      const f = await audio.open(b);
      if (!f) throw new AppError('NOT_FOUND');
      return f;
    },

    /** Readers' access check for the coverage (same policy as reading the bulletin). */
    loadForRead: (actor: Actor, id: string) => load(actor, id, 'broadcast.read'),

    listCapabilities: (actor: Actor) => ({ draft: can(actor, 'broadcast.draft', { unitPath: actor.unitPath }) }),

    async listBulletins(actor: Actor, q: { unitId?: string | undefined; status?: BulletinStatus | undefined; subtree?: '0' | '1' }): Promise<BulletinSummary[]> {
      const paths = hasGlobalScope(actor) ? null : can(actor, 'broadcast.read', { unitPath: actor.unitPath }) ? [await actorArea(actor, db)] : [];
      const under = q.subtree === '1' && q.unitId ? await units.byId(q.unitId) : null;
      if (q.subtree === '1' && q.unitId && !under) throw new AppError('NOT_FOUND');
      const rows = await repo.listBulletins(db, { unitPaths: paths, unitId: q.unitId, underPath: under?.path, status: q.status === 'ended' ? 'published' : q.status });
      const counts = await repo.targetCounts(
        db,
        rows.map((r) => r.id),
      );
      const now = clock.now();
      return rows.map((r) => presentSummary(r, r.unitName, counts.get(r.id) ?? 0, now)).filter((s) => !q.status || s.status === q.status);
    },

    submitBulletin: (actor: Actor, id: string) => step(actor, id, 'submit'),
    cancelBulletin: (actor: Actor, id: string, reason: string | null) => step(actor, id, 'cancel', reason),
    /** Approval publishes: per priority, into the programmes (thường, ưu tiên) or at once to every device (khẩn cấp). */
    approveBulletin: (actor: Actor, id: string, idempotencyKey?: string) => publish(actor, id, { emergency: false, idempotencyKey }),
    /** khẩn cấp in one step by an approver (a draft or a submitted one). */
    emergencyPublishBulletin: (actor: Actor, id: string, idempotencyKey?: string, opts: InTxAfterCommit = {}) => publish(actor, id, { emergency: true, idempotencyKey }, opts),
  };
}
export type BulletinsService = ReturnType<typeof createBulletinsService>;
