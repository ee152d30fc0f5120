// Telco requests (issue #12 point 7): a broadcast on the 'telco_request' route has no SMS deliveries. Approving it
// drafts, in the approving transaction, a công văn to the telco units of the province (telco-request.document.ts)
// through the directives module; the công văn then follows its own workflow (approve, sign, issue → the telcos
// acknowledge). The telcos' replies ("đã nhắn N thuê bao") are recorded here and are the campaign's result.
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import type { BroadcastStatus, BroadcastView, RecordTelcoResultBody, TelcoRequest, TelcoResult } from '../../../shared/contracts/broadcasts.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { CreateDirectiveBody } from '../directives/index.ts';
import type { DirectivesService } from '../directives/index.ts';
import { expandRule } from '../units/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import './broadcasts.errors.ts';
import { textToSend } from './broadcasts.present.ts';
import * as repo from './broadcasts.repository.ts';
import type { BroadcastRow } from './broadcasts.repository.ts';
import { telcoRequestInput } from './telco-request.document.ts';
import * as telcoRepo from './telco-request.repository.ts';
import type { TelcoResultRow } from './telco-request.repository.ts';

/** What broadcasts need from the directives module (services.directives). */
export type DirectiveDrafts = Pick<DirectivesService, 'createDirective' | 'getDirective'>;

/** The telco part of a broadcast's view. */
export interface TelcoPart {
  telcoRequest: TelcoRequest | null;
  telcoResults: TelcoResult[];
  telcoTotal: number;
}

type Loaded = { b: BroadcastRow; unit: UnitRecord; a: Actor };

export interface TelcoRequestDeps {
  db: Db;
  clock: Clock;
  units: UnitLookup;
  directives: DirectiveDrafts;
  /** The broadcasts service's loader (404 outside the read scope, 403 without the permission). */
  load: (actor: Actor, id: string, permission: 'broadcast.read' | 'broadcast.draft' | 'broadcast.approve', tx: Db, forUpdate: boolean) => Promise<Loaded>;
  view: (actor: Actor, b: BroadcastRow, unit: { name: string; path: string }, tx: Db) => Promise<BroadcastView>;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function presentResult(r: TelcoResultRow): TelcoResult {
  return {
    id: r.id,
    telcoUnitId: r.telcoUnitId,
    telcoName: r.telcoName,
    subscribers: r.subscribers,
    reportedAt: iso(r.reportedAt),
    note: r.note,
    createdAt: iso(r.createdAt),
  };
}

export function createTelcoRequestService(deps: TelcoRequestDeps) {
  const { db, clock, units, directives, load, view } = deps;

  /** The province the unit lies in (itself when it is one), from its path. */
  async function provinceOf(unit: UnitRecord, tx: Db): Promise<UnitRecord | null> {
    const chain = await units.byIds(unit.path.split('.'), { tx });
    return chain.find((u) => u.kind === 'province') ?? null;
  }

  async function telcoUnitsFor(unit: UnitRecord, province: UnitRecord | null, tx: Db): Promise<UnitRecord[]> {
    const under = province ?? unit;
    return expandRule(tx, { type: 'kind_under', kind: 'telco', underUnitId: under.id }, vnDateKey(clock.now()));
  }

  /**
   * The approval of a telco request, inside the approving transaction: status → sending ("chờ nhà mạng"), the công
   * văn drafted (issuer = the broadcast's unit, Kính gửi = the province's telcos), tied to the broadcast, audited.
   */
  async function approveRequest(
    tx: Db,
    a: Actor,
    l: Loaded,
    o: { from: readonly BroadcastStatus[]; emergency: boolean; quiet: { quietStartHour: number; quietEndHour: number } },
  ): Promise<BroadcastView> {
    const { b, unit } = l;
    const now = clock.now();
    const province = await provinceOf(unit, tx);
    const parentId = unit.parentId;
    const parent = parentId ? ((await units.byId(parentId, { tx })) ?? null) : null;
    const telcos = await telcoUnitsFor(unit, province, tx);
    const area = (await units.byIds(b.audience.unitIds, { tx })).map((u) => u.name).sort((x, y) => x.localeCompare(y, 'vi'));
    const input = CreateDirectiveBody.parse(telcoRequestInput({ broadcastId: b.id, source: { ...b, text: textToSend(b), quiet: o.quiet }, unit, parent, province, telcos, area }));
    const directive = await directives.createDirective(a, input, { tx, permission: 'broadcast.approve' });
    if (!(await repo.setStatus(tx, b.id, o.from, 'sending', now, { approvedBy: a.userId, emergency: o.emergency }))) {
      throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
    }
    await telcoRepo.setRequestDirective(tx, b.id, directive.id, now);
    await recordAudit(tx, a, {
      action: o.emergency ? 'broadcast.emergency_approve' : 'broadcast.approve',
      entity: 'broadcast',
      entityId: b.id,
      unitId: b.unitId,
      before: { status: b.status },
      after: { status: 'sending', route: 'telco_request', directiveId: directive.id, telcos: telcos.map((t) => t.name), emergency: o.emergency },
    });
    return view(a, (await repo.findBroadcast(tx, b.id))!, unit, tx);
  }

  /** The công văn as the actor may see it (only its id when the actor may not read it), the replies and their total. */
  async function telcoPart(actor: Actor, b: BroadcastRow, tx: Db = db): Promise<TelcoPart> {
    if (b.route !== 'telco_request') return { telcoRequest: null, telcoResults: [], telcoTotal: 0 };
    let telcoRequest: TelcoRequest | null = null;
    if (b.telcoRequestDirectiveId) {
      const id = b.telcoRequestDirectiveId;
      const d = await directives.getDirective(actor, id, { tx }).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      const telcos = d ? (await units.byIds(d.recipients.units, { tx })).filter((u) => u.kind === 'telco').map((u) => ({ id: u.id, name: u.name })) : [];
      telcos.sort((x, y) => x.name.localeCompare(y.name, 'vi'));
      telcoRequest = d
        ? { directiveId: id, status: d.status, symbol: d.fullSymbol, number: d.number, issuedAt: d.issuedAt ?? null, telcos }
        : { directiveId: id, status: null, symbol: null, number: null, issuedAt: null, telcos };
    }
    const results = (await telcoRepo.listTelcoResults(tx, b.id)).map(presentResult);
    return { telcoRequest, telcoResults: results, telcoTotal: results.reduce((n, r) => n + r.subscribers, 0) };
  }

  /**
   * Records a telco's reply ("đã nhắn N thuê bao") on a telco request being carried out or finished. With an
   * Idempotency-Key a retry returns the recorded reply (replayed) and a different request with the same key is 409.
   */
  async function recordTelcoResult(
    actor: Actor,
    id: string,
    body: RecordTelcoResultBody,
    idempotencyKey?: string,
  ): Promise<{ result: TelcoResult; replayed: boolean; broadcast: BroadcastView }> {
    return db.transaction(async (tx) => {
      const l = await load(actor, id, 'broadcast.draft', tx, true);
      const { b, unit, a } = l;
      if (b.route !== 'telco_request') throw new AppError('BROADCAST_NOT_TELCO_REQUEST');
      if (b.status !== 'sending' && b.status !== 'done') throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
      let telcoName = body.telcoName ?? null;
      if (body.telcoUnitId) {
        const telco = await units.byId(body.telcoUnitId, { tx });
        if (!telco || telco.kind !== 'telco') throw new AppError('BROADCAST_UNKNOWN_TELCO');
        telcoName ??= telco.name;
      }
      const now = clock.now();
      const { row, inserted } = await telcoRepo.insertTelcoResult(tx, {
        broadcastId: b.id,
        telcoUnitId: body.telcoUnitId ?? null,
        telcoName: telcoName!,
        subscribers: body.subscribers,
        reportedAt: body.reportedAt ? new Date(body.reportedAt) : now,
        note: body.note ?? null,
        idempotencyKey: idempotencyKey ?? null,
        createdBy: a.userId,
        createdAt: now,
      });
      if (!inserted) {
        const same = row.telcoName === telcoName && row.subscribers === body.subscribers && row.telcoUnitId === (body.telcoUnitId ?? null);
        if (!same) throw new AppError('BROADCAST_IDEMPOTENCY_MISMATCH');
      } else {
        await recordAudit(tx, a, {
          action: 'broadcast.telco_result',
          entity: 'broadcast',
          entityId: b.id,
          unitId: b.unitId,
          after: { resultId: row.id, telcoUnitId: row.telcoUnitId, telcoName: row.telcoName, subscribers: row.subscribers, reportedAt: iso(row.reportedAt) },
        });
      }
      return { result: presentResult(row), replayed: !inserted, broadcast: await view(actor, (await repo.findBroadcast(tx, b.id))!, unit, tx) };
    });
  }

  /** "Kết thúc": a telco request being carried out is done (late replies may still be recorded). */
  async function finishBroadcast(actor: Actor, id: string): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const { b, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
      if (b.route !== 'telco_request') throw new AppError('BROADCAST_NOT_TELCO_REQUEST');
      if (!(await repo.setStatus(tx, b.id, ['sending'], 'done', clock.now()))) throw new AppError('BROADCAST_BAD_STATUS', { status: b.status });
      const total = (await telcoRepo.listTelcoResults(tx, b.id)).reduce((n, r) => n + r.subscribers, 0);
      await recordAudit(tx, a, {
        action: 'broadcast.finish',
        entity: 'broadcast',
        entityId: b.id,
        unitId: b.unitId,
        before: { status: b.status },
        after: { status: 'done', telcoTotal: total },
      });
      return view(actor, (await repo.findBroadcast(tx, b.id))!, unit, tx);
    });
  }

  return { approveRequest, telcoPart, recordTelcoResult, finishBroadcast };
}
export type TelcoRequestService = ReturnType<typeof createTelcoRequestService>;
