import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { segment } from '../../../shared/sms/segments.ts';
import { maskPhone } from '../../../shared/sms/phone.ts';
import type { Telco } from '../../../shared/sms/phone.ts';
import type { SmsSettings } from '../../../shared/contracts/settings.ts';
import type {
  AudiencePreview,
  BroadcastInput,
  BroadcastStatus,
  BroadcastSummary,
  BroadcastView,
  CreateBroadcastBody,
  DeliveryState,
  DeliveryView,
  Priority,
  UpdateBroadcastBody,
} from '../../../shared/contracts/broadcasts.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import './broadcasts.errors.ts';
import { SEND_CHUNK, sendJobId, sendSmsJob } from './broadcasts.jobs.ts';
import { presentBroadcast, progressOf, textToSend } from './broadcasts.present.ts';
import * as repo from './broadcasts.repository.ts';
import type { BroadcastRow, BroadcastWrite } from './broadcasts.repository.ts';
import * as deliveries from './deliveries.repository.ts';
import * as links from './broadcast-links.repository.ts';
import { SUPERSEDABLE } from './broadcasts.present.ts';
import { DAILY_CAP_ERROR, isOrdinary, localDay, openStretches, overDailyCap, rulesOf, sendAt } from './sending.rules.ts';

/** Why the still-queued deliveries of a replaced broadcast were not sent. */
export const SUPERSEDED_ERROR = 'đã được thay thế bởi thông điệp mới';
import { createTelcoRequestService } from './telco-request.service.ts';
import type { DirectiveDrafts } from './telco-request.service.ts';

/** What broadcasts need from the subscribers module (services.subscribers; see docs/sms.md). */
export interface SubscriberDirectory {
  recipientsFor(
    audience: { unitIds: string[]; listIds: string[] },
    o: { priority: Priority },
    opts?: InTx,
  ): Promise<{ subscriberId: string; phone: string; telco: Telco; unitId: string }[]>;
  /** The owning unit of each list found. */
  listUnits(listIds: readonly string[], opts?: InTx): Promise<{ id: string; unitId: string; unitPath: string }[]>;
}

export interface BroadcastsDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  units: UnitLookup;
  subscribers: SubscriberDirectory;
  /** The SMS settings in force (services.settings): quiet hours, daily cap, maximum parts. */
  settings: { smsSettings(opts?: { tx?: Db }): Promise<SmsSettings> };
  /** Drafts the công văn of a telco request (services.directives). */
  directives: DirectiveDrafts;
  /** Whether Loa has an SMS account (ctx.sms): the default route of a new broadcast. */
  smsAccount: boolean;
}

export function createBroadcastsService(deps: BroadcastsDeps) {
  const { db, clock, jobs, units, subscribers, smsAccount } = deps;
  const defaultRoute = smsAccount ? ('smpp' as const) : ('telco_request' as const);
  const telco = createTelcoRequestService({ db, clock, units, directives: deps.directives, load, view });

  async function load(actor: Actor, id: string, permission: 'broadcast.read' | 'broadcast.draft' | 'broadcast.approve', tx: Db = db, forUpdate = false) {
    const b = await repo.findBroadcast(tx, id, { forUpdate });
    if (!b) throw new AppError('NOT_FOUND');
    const unit = await units.byId(b.unitId, { tx });
    if (!unit) throw new AppError('NOT_FOUND');
    // Readers of an office acting for an area (the province's Sở) follow the campaigns of the whole area.
    const areaReader =
      !can(actor, 'broadcast.read', { unitPath: unit.path }) && can(actor, 'broadcast.read', { unitPath: actor.unitPath }) && isWithin(unit.path, await audienceArea(actor, tx));
    if (areaReader && permission === 'broadcast.read') return { b, unit, a: actor };
    const a = authorize(actor, permission, { unitPath: unit.path }, areaReader ? undefined : 'broadcast.read');
    return { b, unit, a };
  }

  /**
   * Checks the text fits and that every audience unit and every subscriber list lies in the drafter's reach:
   * a list of a unit the drafter cannot see is 404 (no existence leak), one it sees but may not draft for 403.
   */
  /** The subtree the actor's unit acts for (its own, or its area for an office such as the province's Sở). */
  async function audienceArea(actor: Actor, tx: Db): Promise<string> {
    return (await units.areaPathOf(actor.unitId, { tx })) ?? actor.unitPath;
  }

  async function checkInput(actor: Actor, input: BroadcastWrite, tx: Db = db): Promise<void> {
    const s = segment(textToSend(input));
    const sms = await deps.settings.smsSettings({ tx });
    if (s.parts > sms.maxParts) throw new AppError('BROADCAST_TOO_LONG', { parts: s.parts, max: sms.maxParts });
    if ((input.windowStart === null) !== (input.windowEnd === null) || (input.windowStart && input.windowEnd && input.windowStart >= input.windowEnd))
      throw new AppError('BROADCAST_BAD_WINDOW');
    if (isOrdinary(input.priority) && openStretches(rulesOf(sms, input)).length === 0) throw new AppError('BROADCAST_NO_OPENING', quietOf(sms));
    const ids = [...new Set(input.audience.unitIds)];
    const found = await units.byIds(ids, { tx });
    if (found.length !== ids.length) throw new AppError('NOT_FOUND');
    // A drafter addresses units in its own reach, or in the area its office acts for (the province's Sở texts the
    // province's communes; a commune's UBND its commune), drafting in its own unit.
    const area = await audienceArea(actor, tx);
    const mayDraftHere = can(actor, 'broadcast.draft', { unitPath: actor.unitPath });
    for (const u of found) if (!(mayDraftHere && isWithin(u.path, area))) authorize(actor, 'broadcast.draft', { unitPath: u.path });
    const listIds = [...new Set(input.audience.listIds)];
    const lists = await subscribers.listUnits(listIds, { tx });
    if (lists.length !== listIds.length) throw new AppError('NOT_FOUND');
    for (const l of lists) authorize(actor, 'broadcast.draft', { unitPath: l.unitPath }, 'subscriber.list');
  }

  const write = (i: BroadcastInput): BroadcastWrite => ({
    title: i.title,
    priority: i.priority,
    smsText: i.smsText,
    unaccented: i.unaccented,
    senderName: i.senderName ?? null,
    audience: { unitIds: [...new Set(i.audience.unitIds)], listIds: [...new Set(i.audience.listIds)] },
    scheduleAt: i.scheduleAt ?? null,
    directiveId: i.directiveId ?? null,
    windowStart: i.windowStart ?? null,
    windowEnd: i.windowEnd ?? null,
    route: i.route ?? defaultRoute,
  });

  async function view(actor: Actor, b: BroadcastRow, unit: { name: string; path: string }, tx: Db = db): Promise<BroadcastView> {
    const route = { smsAccount, ...(await telco.telcoPart(actor, b, tx)) };
    return presentBroadcast(actor, b, unit, progressOf(await deliveries.countsByTelcoState(tx, [b.id])), route);
  }

  async function step(actor: Actor, id: string, kind: 'submit' | 'cancel', from: readonly BroadcastStatus[], to: BroadcastStatus): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const { b, unit } = await load(actor, id, 'broadcast.read', tx, true);
      // Submitting is the drafter's; cancelling a draft or a submitted one the drafter's or the approver's; stopping an approved one the approver's.
      const sending = b.status === 'approved' || b.status === 'sending';
      const either = kind === 'cancel' && !sending && can(actor, 'broadcast.approve', { unitPath: unit.path });
      const a = authorize(actor, either ? 'broadcast.approve' : kind === 'cancel' && sending ? 'broadcast.approve' : 'broadcast.draft', { unitPath: unit.path });
      const now = clock.now();
      if (!(await repo.setStatus(tx, b.id, from, to, now))) throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
      if (kind === 'cancel') await deliveries.settleQueued(tx, { broadcastId: b.id }, 'rejected', 'thông điệp đã bị hủy', now);
      await recordAudit(tx, a, {
        action: ({ submit: 'broadcast.submit', cancel: 'broadcast.cancel' } as const)[kind],
        entity: 'broadcast',
        entityId: b.id,
        unitId: b.unitId,
        before: { status: b.status },
        after: { status: to },
      });
      return view(actor, (await repo.findBroadcast(tx, b.id))!, unit, tx);
    });
  }

  const quietOf = (s: SmsSettings) => ({ start: `${s.quietStartHour}:00`, end: `${s.quietEndHour}:00` });

  /** In the approval of `b`: the broadcast it replaces ends (cancelled unless already done), its queued deliveries rejected. */
  async function endSuperseded(tx: Db, a: Actor, b: BroadcastRow, now: Date): Promise<void> {
    const oldId = b.supersedesId!;
    const before = await links.markSuperseded(tx, oldId, b.id, now);
    if (before === null) throw new AppError('BROADCAST_ALREADY_SUPERSEDED');
    const rejected = await deliveries.settleQueued(tx, { broadcastId: oldId }, 'rejected', SUPERSEDED_ERROR, now);
    const after = (await repo.findBroadcast(tx, oldId))!;
    await recordAudit(tx, a, {
      action: 'broadcast.superseded',
      entity: 'broadcast',
      entityId: oldId,
      unitId: after.unitId,
      before: { status: before },
      after: { status: after.status, supersededById: b.id, rejected },
    });
  }

  /**
   * Approval (or the one-step emergency approval), in ONE transaction: resolve the recipients, insert the
   * deliveries (queued, or rejected past the daily cap), move to sending (approved while scheduled later), enqueue
   * one send job per chunk of ≤ 500 with deterministic ids, audit. A failure anywhere rolls all of it back.
   */
  async function approve(actor: Actor, id: string, emergency: boolean, opts: InTx = {}): Promise<BroadcastView> {
    return inTx(db, opts, async (tx) => {
      const loaded = await load(actor, id, 'broadcast.approve', tx, true);
      const { b, unit, a } = loaded;
      if (emergency && b.priority !== 'khan_cap') throw new AppError('BROADCAST_NOT_EMERGENCY');
      const from: BroadcastStatus[] = emergency ? ['draft', 'submitted'] : ['submitted'];
      if (!from.includes(b.status)) throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
      // The replaced broadcast ends first, so its queued messages neither go out nor count against the daily cap.
      if (b.supersedesId) await endSuperseded(tx, a, b, clock.now());
      const now = clock.now();
      const sms = await deps.settings.smsSettings({ tx });
      // No SMS account: the message becomes a công văn to the telcos (no deliveries, no send jobs).
      if (b.route === 'telco_request') return telco.approveRequest(tx, a, loaded, { from, emergency, quiet: sms });
      const runAt = sendAt(now, b.scheduleAt ? new Date(b.scheduleAt) : null, b.priority, rulesOf(sms, b));
      if (!runAt) throw new AppError('BROADCAST_NO_OPENING', quietOf(sms));
      const day = localDay(runAt);
      const ordinary = isOrdinary(b.priority);
      const recipients = await subscribers.recipientsFor(b.audience, { priority: b.priority }, { tx });
      const counts = ordinary ? await deliveries.ordinaryCountsForDay(tx, [...new Set(recipients.map((r) => r.phone))], day) : new Map<string, number>();
      const rows = recipients.map((r) => {
        const over = ordinary && overDailyCap(counts.get(r.phone) ?? 0, sms.dailyCap);
        return {
          subscriberId: r.subscriberId,
          unitId: r.unitId,
          phone: r.phone,
          telco: r.telco,
          state: over ? ('rejected' as const) : ('queued' as const),
          error: over ? DAILY_CAP_ERROR : null,
        };
      });
      const parts = segment(textToSend(b)).parts;
      const queued = await deliveries.insertDeliveries(tx, b.id, rows, { parts, ordinary, localDay: day, at: now });
      const to: BroadcastStatus = queued.length === 0 ? 'done' : runAt > now ? 'approved' : 'sending';
      await repo.setStatus(tx, b.id, from, to, now, { approvedBy: a.userId, emergency, recipients: rows.length });
      const chunks: { id: string; payload: { broadcastId: string; deliveryIds: string[] }; runAt: Date }[] = [];
      for (let i = 0; i < queued.length; i += SEND_CHUNK) {
        chunks.push({ id: sendJobId(b.id, i / SEND_CHUNK), payload: { broadcastId: b.id, deliveryIds: queued.slice(i, i + SEND_CHUNK) }, runAt });
      }
      await jobs.enqueueMany(tx, sendSmsJob, chunks);
      await recordAudit(tx, a, {
        action: emergency ? 'broadcast.emergency_approve' : 'broadcast.approve',
        entity: 'broadcast',
        entityId: b.id,
        unitId: b.unitId,
        before: { status: b.status },
        after: { status: to, recipients: rows.length, queued: queued.length, runAt: runAt.toISOString(), emergency },
      });
      return view(actor, (await repo.findBroadcast(tx, b.id))!, unit, tx);
    });
  }

  return {
    async createBroadcast(actor: Actor, body: CreateBroadcastBody, opts: InTx = {}): Promise<BroadcastView> {
      const unit = await units.byId(body.unitId, opts);
      if (!unit) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'broadcast.draft', { unitPath: unit.path }, 'broadcast.read');
      const input = write(body);
      await checkInput(actor, input, opts.tx);
      return inTx(db, opts, async (tx) => {
        const inserted = await repo.insertBroadcast(tx, { ...input, unitId: unit.id, createdBy: a.userId, at: clock.now() });
        await links.setWindow(tx, inserted.id, input);
        const b = { ...inserted, windowStart: input.windowStart, windowEnd: input.windowEnd };
        await recordAudit(tx, a, { action: 'broadcast.create', entity: 'broadcast', entityId: b.id, unitId: unit.id, after: { title: b.title, priority: b.priority } });
        return view(actor, b, unit, tx);
      });
    },

    async updateBroadcast(actor: Actor, id: string, patch: UpdateBroadcastBody): Promise<BroadcastView> {
      return db.transaction(async (tx) => {
        const { b, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (b.status !== 'draft') throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
        const current: BroadcastInput = { ...b, scheduleAt: b.scheduleAt ? new Date(b.scheduleAt).toISOString() : null };
        const input = write({ ...current, ...patch });
        await checkInput(actor, input, tx);
        await repo.updateBroadcast(tx, b.id, input, clock.now());
        await links.setWindow(tx, b.id, input);
        const after = (await repo.findBroadcast(tx, b.id))!;
        await recordAudit(tx, a, { action: 'broadcast.update', entity: 'broadcast', entityId: b.id, unitId: b.unitId, before: { title: b.title }, after: { title: after.title } });
        return view(actor, after, unit, tx);
      });
    },

    /**
     * A new draft replacing a submitted or sent broadcast: the same content, unit and audience, linked by supersedesId.
     * The old one goes on until the new one is approved (then it ends, in the approval's transaction).
     */
    async supersedeBroadcast(actor: Actor, id: string): Promise<BroadcastView> {
      return db.transaction(async (tx) => {
        const { b: old, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (!SUPERSEDABLE.includes(old.status)) throw new AppError('BROADCAST_BAD_STATUS', { status: old.status });
        if (old.supersededById) throw new AppError('BROADCAST_ALREADY_SUPERSEDED');
        const input = write({ ...old, scheduleAt: null });
        const inserted = await repo.insertBroadcast(tx, { ...input, unitId: old.unitId, createdBy: a.userId, at: clock.now() });
        await links.setWindow(tx, inserted.id, input);
        await links.setSupersedes(tx, inserted.id, old.id);
        await recordAudit(tx, a, {
          action: 'broadcast.supersede',
          entity: 'broadcast',
          entityId: inserted.id,
          unitId: old.unitId,
          after: { title: inserted.title, supersedesId: old.id },
        });
        return view(actor, (await repo.findBroadcast(tx, inserted.id))!, unit, tx);
      });
    },

    async getBroadcast(actor: Actor, id: string): Promise<BroadcastView> {
      const { b, unit } = await load(actor, id, 'broadcast.read');
      return view(actor, b, unit);
    },

    /** What the list page offers: drafting a broadcast (in the actor's own unit or below). */
    listCapabilities: (actor: Actor) => ({ draft: can(actor, 'broadcast.draft', { unitPath: actor.unitPath }) }),

    async listBroadcasts(actor: Actor, q: { unitId?: string | undefined; status?: BroadcastStatus | undefined; subtree?: '0' | '1' }): Promise<BroadcastSummary[]> {
      const paths = hasGlobalScope(actor) ? null : can(actor, 'broadcast.read', { unitPath: actor.unitPath }) ? [await audienceArea(actor, db)] : [];
      const under = q.subtree === '1' && q.unitId ? await units.byId(q.unitId) : null;
      if (q.subtree === '1' && q.unitId && !under) throw new AppError('NOT_FOUND');
      const rows = await repo.listBroadcasts(db, { unitPaths: paths, unitId: q.unitId, underPath: under?.path, status: q.status });
      const counts = await deliveries.countsByTelcoState(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const p = progressOf(counts.filter((c) => c.broadcastId === r.id));
        return {
          id: r.id,
          unitId: r.unitId,
          unitName: r.unitName,
          title: r.title,
          priority: r.priority,
          status: r.status,
          createdAt: new Date(r.createdAt).toISOString(),
          recipients: r.recipients,
          progress: { total: p.total, delivered: p.byState.delivered },
          supersededById: r.supersededById,
        };
      });
    },

    submitBroadcast: (actor: Actor, id: string) => step(actor, id, 'submit', ['draft'], 'submitted'),
    cancelBroadcast: (actor: Actor, id: string) => step(actor, id, 'cancel', ['draft', 'submitted', 'approved', 'sending'], 'cancelled'),
    approveBroadcast: (actor: Actor, id: string) => approve(actor, id, false),
    /** The emergency path: an approver sends a khẩn cấp message in one step (audited as broadcast.emergency_approve). */
    emergencyApproveBroadcast: (actor: Actor, id: string, opts: InTx = {}) => approve(actor, id, true, opts),

    recordTelcoResult: telco.recordTelcoResult,
    finishBroadcast: telco.finishBroadcast,
    /** The routes this Loa offers (the composer of a new broadcast). */
    routes: () => ({ smsAccount, defaultRoute }),

    async previewAudience(actor: Actor, id: string): Promise<AudiencePreview> {
      const { b } = await load(actor, id, 'broadcast.read');
      const recipients = await subscribers.recipientsFor(b.audience, { priority: b.priority });
      const byTelco: Record<string, number> = {};
      for (const r of recipients) byTelco[r.telco] = (byTelco[r.telco] ?? 0) + 1;
      const parts = segment(textToSend(b)).parts;
      return { recipients: recipients.length, byTelco, partsPerRecipient: parts, totalParts: parts * recipients.length };
    },

    /** Per-recipient results; phones masked unless the actor holds subscriber.read on the unit. */
    async listDeliveries(actor: Actor, id: string, q: { state?: DeliveryState; limit: number }): Promise<DeliveryView[]> {
      const { b, unit } = await load(actor, id, 'broadcast.read');
      const full = can(actor, 'subscriber.read', { unitPath: unit.path });
      return (await deliveries.listDeliveries(db, b.id, q)).map((d) => ({
        id: d.id,
        phone: full ? d.phone : maskPhone(d.phone),
        telco: d.telco,
        state: d.state,
        parts: d.parts,
        messageId: d.messageId,
        error: d.error,
        attempts: d.attempts,
        updatedAt: new Date(d.updatedAt).toISOString(),
      }));
    },
  };
}
export type BroadcastsService = ReturnType<typeof createBroadcastsService>;
