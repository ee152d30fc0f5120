import type { Db } from '../../db/client.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { segment } from '../../../shared/sms/segments.ts';
import { maskPhone } from '../../../shared/sms/phone.ts';
import type { Telco } from '../../../shared/sms/phone.ts';
import { BROADCAST_LIMITS } from '../../../shared/contracts/broadcasts.ts';
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
import { authorize, can, hasGlobalScope } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import './broadcasts.errors.ts';
import { SEND_CHUNK, sendJobId, sendSmsJob } from './broadcasts.jobs.ts';
import { presentBroadcast, progressOf, textToSend } from './broadcasts.present.ts';
import * as repo from './broadcasts.repository.ts';
import type { BroadcastRow, BroadcastWrite } from './broadcasts.repository.ts';
import * as deliveries from './deliveries.repository.ts';
import { DAILY_CAP, DAILY_CAP_ERROR, isOrdinary, localDay, sendAt } from './sending.rules.ts';
import { createTelcoRequestService } from './telco-request.service.ts';
import type { DirectiveDrafts } from './telco-request.service.ts';

/** What broadcasts need from the subscribers module (services.subscribers; see docs/sms.md). */
export interface SubscriberDirectory {
  recipientsFor(
    audience: { unitIds: string[]; listIds: string[] },
    o: { priority: Priority },
    opts?: InTx,
  ): Promise<{ subscriberId: string; phone: string; telco: Telco; unitId: string }[]>;
}

export interface BroadcastsDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  units: UnitLookup;
  subscribers: SubscriberDirectory;
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
    const a = authorize(actor, permission, { unitPath: unit.path }, 'broadcast.read');
    return { b, unit, a };
  }

  /** Checks the text fits and every audience unit lies in the actor's reach. */
  async function checkInput(actor: Actor, input: BroadcastWrite): Promise<void> {
    const s = segment(textToSend(input));
    if (s.parts > BROADCAST_LIMITS.maxParts) throw new AppError('BROADCAST_TOO_LONG', { parts: s.parts, max: BROADCAST_LIMITS.maxParts });
    const ids = [...new Set(input.audience.unitIds)];
    const found = await units.byIds(ids);
    if (found.length !== ids.length) throw new AppError('NOT_FOUND');
    for (const u of found) authorize(actor, 'broadcast.draft', { unitPath: u.path });
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

  /**
   * Approval (or the one-step emergency approval), in ONE transaction: resolve the recipients, insert the
   * deliveries (queued, or rejected past the daily cap), move to sending (approved while scheduled later), enqueue
   * one send job per chunk of ≤ 500 with deterministic ids, audit. A failure anywhere rolls all of it back.
   */
  async function approve(actor: Actor, id: string, emergency: boolean): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const loaded = await load(actor, id, 'broadcast.approve', tx, true);
      const { b, unit, a } = loaded;
      if (emergency && b.priority !== 'khan_cap') throw new AppError('BROADCAST_NOT_EMERGENCY');
      const from: BroadcastStatus[] = emergency ? ['draft', 'submitted'] : ['submitted'];
      if (!from.includes(b.status)) throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
      // No SMS account: the message becomes a công văn to the telcos (no deliveries, no send jobs).
      if (b.route === 'telco_request') return telco.approveRequest(tx, a, loaded, { from, emergency });
      const now = clock.now();
      const runAt = sendAt(now, b.scheduleAt ? new Date(b.scheduleAt) : null, b.priority);
      const day = localDay(runAt);
      const ordinary = isOrdinary(b.priority);
      const recipients = await subscribers.recipientsFor(b.audience, { priority: b.priority }, { tx });
      const counts = ordinary ? await deliveries.ordinaryCountsForDay(tx, [...new Set(recipients.map((r) => r.phone))], day) : new Map<string, number>();
      const rows = recipients.map((r) => {
        const over = ordinary && (counts.get(r.phone) ?? 0) >= DAILY_CAP;
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
    async createBroadcast(actor: Actor, body: CreateBroadcastBody): Promise<BroadcastView> {
      const unit = await units.byId(body.unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'broadcast.draft', { unitPath: unit.path }, 'broadcast.read');
      const input = write(body);
      await checkInput(actor, input);
      return db.transaction(async (tx) => {
        const b = await repo.insertBroadcast(tx, { ...input, unitId: unit.id, createdBy: a.userId, at: clock.now() });
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
        await checkInput(actor, input);
        const after = await repo.updateBroadcast(tx, b.id, input, clock.now());
        await recordAudit(tx, a, { action: 'broadcast.update', entity: 'broadcast', entityId: b.id, unitId: b.unitId, before: { title: b.title }, after: { title: after.title } });
        return view(actor, after, unit, tx);
      });
    },

    async getBroadcast(actor: Actor, id: string): Promise<BroadcastView> {
      const { b, unit } = await load(actor, id, 'broadcast.read');
      return view(actor, b, unit);
    },

    async listBroadcasts(actor: Actor, q: { unitId?: string; status?: BroadcastStatus }): Promise<BroadcastSummary[]> {
      const paths = hasGlobalScope(actor) ? null : can(actor, 'broadcast.read', { unitPath: actor.unitPath }) ? [actor.unitPath] : [];
      const rows = await repo.listBroadcasts(db, { unitPaths: paths, ...q });
      const counts = await deliveries.countsByTelcoState(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const p = progressOf(counts.filter((c) => c.broadcastId === r.id));
        return {
          id: r.id,
          unitId: r.unitId,
          title: r.title,
          priority: r.priority,
          status: r.status,
          createdAt: new Date(r.createdAt).toISOString(),
          recipients: r.recipients,
          progress: { total: p.total, delivered: p.byState.delivered },
        };
      });
    },

    submitBroadcast: (actor: Actor, id: string) => step(actor, id, 'submit', ['draft'], 'submitted'),
    cancelBroadcast: (actor: Actor, id: string) => step(actor, id, 'cancel', ['draft', 'submitted', 'approved', 'sending'], 'cancelled'),
    approveBroadcast: (actor: Actor, id: string) => approve(actor, id, false),
    /** The emergency path: an approver sends a khẩn cấp message in one step (audited as broadcast.emergency_approve). */
    emergencyApproveBroadcast: (actor: Actor, id: string) => approve(actor, id, true),

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
