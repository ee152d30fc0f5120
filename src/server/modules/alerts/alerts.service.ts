import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { inTx } from '../../db/unit-of-work.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { vnDateKey } from '../../platform/text.ts';
import type { AlertInput, AlertPhase, AlertPreview, AlertSummary, AlertView, CapMsgType, CapProblem, CreateAlertBody, UpdateAlertBody } from '../../../shared/contracts/alerts.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import './alerts.errors.ts';
import { capMessageOf, phaseOf, presentAlert, presentSummary, senderHostOf, senderOf } from './alerts.present.ts';
import * as repo from './alerts.repository.ts';
import type { AlertRow, AlertWrite } from './alerts.repository.ts';
import { checkCapRules } from './cap-rules.ts';
import { validateAgainstXsd } from './cap-validate.ts';
import { capDateKey, capDateTime, referenceOf, renderCap } from './cap-xml.ts';

type Permission = 'broadcast.read' | 'broadcast.draft' | 'broadcast.approve';

export interface AlertsDeps {
  db: Db;
  clock: Clock;
  units: UnitLookup;
  publicUrl: PublicUrl;
}

/** The XSD first, then the rules beyond it. */
export async function problemsOf(xml: string, message: Parameters<typeof checkCapRules>[0]): Promise<CapProblem[]> {
  return [...(await validateAgainstXsd(xml)), ...checkCapRules(message)];
}

/** CAP 1.2 alerts: composing, drafter → approver (publishing signs), Update and Cancel chains. */
export function createAlertsService(deps: AlertsDeps) {
  const { db, clock, units } = deps;

  const areaPathOf = async (unit: UnitRecord, tx: Db) => (await units.areaPathOf(unit.id, { tx })) ?? unit.path;
  const actorArea = async (actor: Actor, tx: Db) => (await units.areaPathOf(actor.unitId, { tx })) ?? actor.unitPath;

  /** The alert and its issuer; an office acting for an area reads (only) the alerts of its area. Others: 404. */
  async function load(actor: Actor, id: string, permission: Permission, tx: Db = db, forUpdate = false) {
    const alert = await repo.findAlert(tx, id, { forUpdate });
    if (!alert) throw new AppError('NOT_FOUND');
    const unit = await units.byId(alert.unitId, { tx });
    if (!unit) throw new AppError('NOT_FOUND');
    if (!can(actor, 'broadcast.read', { unitPath: unit.path })) {
      const reads = can(actor, 'broadcast.read', { unitPath: actor.unitPath }) && isWithin(unit.path, await actorArea(actor, tx));
      if (!reads) throw new AppError('NOT_FOUND');
      if (permission !== 'broadcast.read') throw new AppError('FORBIDDEN');
      return { alert, unit, a: actor };
    }
    return { alert, unit, a: authorize(actor, permission, { unitPath: unit.path }) };
  }

  const today = () => vnDateKey(clock.now());

  /** Every area is a unit in force today within the area the issuer acts for. */
  async function resolveAreas(unit: UnitRecord, ids: readonly string[], tx: Db): Promise<string[]> {
    const area = await areaPathOf(unit, tx);
    const found = await repo.unitsInForce(tx, ids, today());
    const ok = new Set(found.filter((u) => isWithin(u.path, area)).map((u) => u.id));
    if (ids.some((id) => !ok.has(id))) throw new AppError('ALERT_BAD_AREA');
    return [...ids];
  }

  const write = (i: AlertInput, areaUnitIds: string[]): AlertWrite => ({
    status: i.status,
    scope: i.scope,
    categories: i.categories,
    event: i.event,
    urgency: i.urgency,
    severity: i.severity,
    certainty: i.certainty,
    infoVi: i.vi,
    infoEn: i.en ?? null,
    effective: i.effective ? new Date(i.effective) : null,
    onset: i.onset ? new Date(i.onset) : null,
    expires: new Date(i.expires),
    areaUnitIds,
    note: i.note ?? null,
  });

  const inputOf = (a: AlertRow): AlertInput => ({
    ...a,
    vi: a.infoVi,
    en: a.infoEn,
    effective: a.effective?.toISOString() ?? null,
    onset: a.onset?.toISOString() ?? null,
    expires: a.expires.toISOString(),
  });

  async function view(actor: Actor, a: AlertRow, unit: { name: string; path: string }, tx: Db = db): Promise<AlertView> {
    const areaUnits = await units.byIds(a.areaUnitIds, { tx });
    const byId = new Map(areaUnits.map((u) => [u.id, u]));
    const areas = a.areaUnitIds.flatMap((id) => {
      const u = byId.get(id);
      return u ? [{ id: u.id, name: u.name, code: u.code }] : [];
    });
    const successor = (await repo.publishedSuccessors(tx, [a.id])).get(a.id);
    const chain = await repo.chainOf(tx, a.chainId);
    return presentAlert(actor, a, { unit, phase: phaseOf(a, successor, clock.now()), areas, chain });
  }

  /** The published messages before this one in its chain, as `references`. */
  async function referencesFor(a: AlertRow, tx: Db): Promise<string | null> {
    if (a.msgType === 'Alert') return null;
    const earlier = (await repo.chainOf(tx, a.chainId))
      .filter((c) => c.id !== a.id && c.state === 'published' && c.identifier && c.sender && c.sent)
      .sort((x, y) => x.sent!.getTime() - y.sent!.getTime());
    return earlier.map((c) => referenceOf({ sender: c.sender!, identifier: c.identifier!, sent: capDateTime(c.sent!) })).join(' ') || null;
  }

  /** The CAP document of the alert as it would be published now (identifier and sent fixed by the caller). */
  async function render(a: AlertRow, unit: UnitRecord, tx: Db, o: { identifier: string; sent: Date }) {
    const found = await repo.unitsInForce(tx, a.areaUnitIds, vnDateKey(o.sent));
    const byId = new Map(found.map((u) => [u.id, u]));
    const areas = a.areaUnitIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
    const message = capMessageOf(a, {
      senderName: unit.name,
      areas,
      web: `${deps.publicUrl()}/`,
      identifier: o.identifier,
      sender: senderOf(unit),
      sent: o.sent,
      references: await referencesFor(a, tx),
    });
    // An area no longer in force (the tree changed since composing) is named, not silently left out.
    const gone: CapProblem[] = a.areaUnitIds.some((id) => !byId.has(id))
      ? [{ field: 'area', message: `${a.areaUnitIds.length - areas.length} vùng cảnh báo không còn là đơn vị đang có hiệu lực; hãy chọn lại vùng.` }]
      : [];
    return { message, xml: renderCap(message), gone };
  }

  /** "<sender host>-<yyyymmdd>-<seq>", the day in Vietnam time. */
  async function identifierFor(unit: UnitRecord, sent: Date, tx: Db): Promise<string> {
    const prefix = `${senderHostOf(unit)}-${capDateKey(sent)}-`;
    return `${prefix}${String(await repo.nextSequence(tx, prefix)).padStart(3, '0')}`;
  }

  /** CAP sent has whole seconds. */
  const nowSeconds = () => new Date(Math.floor(clock.now().getTime() / 1000) * 1000);

  /** An Update or Cancel follows the latest published message of a chain that is not cancelled. */
  async function assertChainHead(previousId: string, tx: Db): Promise<void> {
    const prev = await repo.findAlert(tx, previousId);
    if (!prev || prev.state !== 'published') throw new AppError('ALERT_BAD_STATE', { state: prev?.state ?? 'draft' });
    if (prev.msgType === 'Cancel' || (await repo.publishedSuccessors(tx, [prev.id])).has(prev.id)) throw new AppError('ALERT_CHAIN_ENDED');
  }

  async function publish(actor: Actor, id: string, idempotencyKey: string | undefined, opts: InTx = {}): Promise<AlertView> {
    const key = idempotencyKey ?? null;
    const first = await load(actor, id, 'broadcast.approve', opts.tx ?? db);
    if (first.alert.state === 'published' && key && first.alert.publishKey === key) return view(actor, first.alert, first.unit, opts.tx ?? db);
    return inTx(db, opts, async (tx) => {
      const { alert, unit, a } = await load(actor, id, 'broadcast.approve', tx, true);
      if (alert.state === 'published' && key && alert.publishKey === key) return view(actor, alert, unit, tx);
      if (alert.state === 'published' && key) throw new AppError('ALERT_IDEMPOTENCY_MISMATCH');
      if (alert.state === 'published') throw new AppError('ALERT_BAD_STATE', { state: alert.state });
      if (alert.previousId) await assertChainHead(alert.previousId, tx);
      // An Alert's draft published in one step is the emergency path (audited as such); a submitted one the ordinary
      // approval. An Update or Cancel is drafted by the approver from a published message: publishing it is ordinary.
      const emergency = alert.state === 'draft' && alert.msgType === 'Alert';
      const sent = nowSeconds();
      const identifier = await identifierFor(unit, sent, tx);
      const { message, xml, gone } = await render(alert, unit, tx, { identifier, sent });
      const problems = [...gone, ...(await problemsOf(xml, message))];
      if (problems.length) {
        throw new AppError(
          'ALERT_INVALID',
          { count: problems.length },
          problems.map((p) => ({ path: p.field, message: p.message })),
        );
      }
      await repo.publishAlert(tx, alert.id, {
        identifier,
        sender: message.sender,
        sent,
        references: message.references,
        xml,
        publishedBy: a.userId,
        emergency,
        publishKey: key,
      });
      await recordAudit(tx, a, {
        action: emergency ? 'alert.emergency_publish' : 'alert.publish',
        entity: 'cap_alert',
        entityId: alert.id,
        unitId: alert.unitId,
        before: { state: alert.state },
        after: { state: 'published', identifier, msgType: alert.msgType, status: alert.status, references: message.references },
      });
      return view(actor, (await repo.findAlert(tx, alert.id))!, unit, tx);
    });
  }

  /** Update / Cancel: a new draft of the chain with the published message's content, for the approver to publish. */
  async function followUp(actor: Actor, id: string, msgType: Exclude<CapMsgType, 'Alert'>, note: string | null): Promise<AlertView> {
    return db.transaction(async (tx) => {
      const { alert, unit, a } = await load(actor, id, 'broadcast.approve', tx, true);
      await assertChainHead(alert.id, tx);
      const row = await repo.insertAlert(tx, {
        ...write(inputOf(alert), alert.areaUnitIds),
        note: note ?? (msgType === 'Cancel' ? null : alert.note),
        id: randomUUID(),
        unitId: alert.unitId,
        chainId: alert.chainId,
        previousId: alert.id,
        msgType,
        createdBy: a.userId,
        at: clock.now(),
      });
      await recordAudit(tx, a, {
        action: msgType === 'Update' ? 'alert.update_draft' : 'alert.cancel_draft',
        entity: 'cap_alert',
        entityId: row.id,
        unitId: row.unitId,
        after: { msgType, previousId: alert.id, previousIdentifier: alert.identifier },
      });
      return view(actor, row, unit, tx);
    });
  }

  return {
    async createAlert(actor: Actor, body: CreateAlertBody, opts: InTx = {}): Promise<AlertView> {
      const unit = await units.byId(body.unitId, opts);
      if (!unit) throw new AppError('NOT_FOUND');
      const a = authorize(actor, 'broadcast.draft', { unitPath: unit.path }, 'broadcast.read');
      return inTx(db, opts, async (tx) => {
        const id = randomUUID();
        const row = await repo.insertAlert(tx, {
          ...write(body, await resolveAreas(unit, body.areaUnitIds, tx)),
          id,
          unitId: unit.id,
          chainId: id,
          previousId: null,
          msgType: 'Alert',
          createdBy: a.userId,
          at: clock.now(),
        });
        await recordAudit(tx, a, {
          action: 'alert.create',
          entity: 'cap_alert',
          entityId: id,
          unitId: unit.id,
          after: { status: row.status, event: row.event, headline: row.infoVi.headline, areas: row.areaUnitIds.length },
        });
        return view(actor, row, unit, tx);
      });
    },

    async updateAlert(actor: Actor, id: string, patch: UpdateAlertBody): Promise<AlertView> {
      return db.transaction(async (tx) => {
        const { alert, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (alert.state !== 'draft') throw new AppError('ALERT_BAD_STATE', { state: alert.state });
        const merged = { ...inputOf(alert), ...patch };
        const next = write(merged, await resolveAreas(unit, merged.areaUnitIds, tx));
        await repo.updateAlert(tx, alert.id, next, clock.now());
        await recordAudit(tx, a, {
          action: 'alert.edit',
          entity: 'cap_alert',
          entityId: alert.id,
          unitId: alert.unitId,
          before: { headline: alert.infoVi.headline, expires: alert.expires.toISOString() },
          after: { headline: next.infoVi.headline, expires: next.expires.toISOString(), fields: Object.keys(patch) },
        });
        return view(actor, (await repo.findAlert(tx, alert.id))!, unit, tx);
      });
    },

    async getAlert(actor: Actor, id: string): Promise<AlertView> {
      const { alert, unit } = await load(actor, id, 'broadcast.read');
      return view(actor, alert, unit);
    },

    /** The XML it would publish now and every problem the XSD and the rules find (published: the stored XML). */
    async previewAlert(actor: Actor, id: string): Promise<AlertPreview> {
      const { alert, unit } = await load(actor, id, 'broadcast.read');
      if (alert.state === 'published' && alert.xml) return { xml: alert.xml, valid: true, problems: [] };
      const sent = nowSeconds();
      const { message, xml, gone } = await render(alert, unit, db, { identifier: `${senderHostOf(unit)}-${capDateKey(sent)}-000`, sent });
      const problems = [...gone, ...(await problemsOf(xml, message))];
      return { xml, valid: problems.length === 0, problems };
    },

    async submitAlert(actor: Actor, id: string): Promise<AlertView> {
      return db.transaction(async (tx) => {
        const { alert, unit, a } = await load(actor, id, 'broadcast.draft', tx, true);
        if (!(await repo.submitAlert(tx, alert.id, clock.now()))) throw new AppError('ALERT_BAD_STATE', { state: alert.state });
        await recordAudit(tx, a, {
          action: 'alert.submit',
          entity: 'cap_alert',
          entityId: alert.id,
          unitId: alert.unitId,
          before: { state: 'draft' },
          after: { state: 'submitted' },
        });
        return view(actor, (await repo.findAlert(tx, alert.id))!, unit, tx);
      });
    },

    /** An approver publishes (signs) a submitted alert, or a draft in one step in an emergency. */
    publishAlert: (actor: Actor, id: string, idempotencyKey?: string, opts: InTx = {}) => publish(actor, id, idempotencyKey, opts),
    updatePublished: (actor: Actor, id: string, note: string | null) => followUp(actor, id, 'Update', note),
    cancelPublished: (actor: Actor, id: string, note: string | null) => followUp(actor, id, 'Cancel', note),

    listCapabilities: (actor: Actor) => ({ draft: can(actor, 'broadcast.draft', { unitPath: actor.unitPath }) }),

    async listAlerts(actor: Actor, q: { unitId?: string | undefined; phase?: AlertPhase | undefined }): Promise<AlertSummary[]> {
      const paths = hasGlobalScope(actor) ? null : can(actor, 'broadcast.read', { unitPath: actor.unitPath }) ? [await actorArea(actor, db)] : [];
      const rows = await repo.listAlerts(db, { unitPaths: paths, unitId: q.unitId });
      const successors = await repo.publishedSuccessors(
        db,
        rows.map((r) => r.id),
      );
      const now = clock.now();
      return rows.map((r) => presentSummary(r, r.unitName, phaseOf(r, successors.get(r.id), now))).filter((s) => !q.phase || s.phase === q.phase);
    },

    /** The area picker: the communes in force in the area the unit acts for. */
    async areaChoices(actor: Actor, unitId: string) {
      const unit = await units.byId(unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      authorize(actor, 'broadcast.draft', { unitPath: unit.path }, 'broadcast.read');
      const rows = unit.kind === 'commune' ? await repo.unitsInForce(db, [unit.id], today()) : await repo.communesIn(db, await areaPathOf(unit, db), today());
      return rows.map((u) => ({ id: u.id, name: u.name, code: u.code }));
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
