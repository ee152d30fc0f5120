import type { Db } from '../../db/client.ts';
import { enqueueMany } from '../../jobs/queue.ts';
import { AppError } from '../../platform/errors.ts';
import { formatVnDate, vnDateKey } from '../../platform/text.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { GroupRule, editionLabel, expandRule, inForceAt } from '../units/index.ts';
import type { UnitLookup } from '../units/index.ts';
import { invalidState, loadFor, presentFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { JOB_ID_PREFIX, notifyRecipientJob } from './directives.jobs.ts';
import type { NotifyKind } from './directives.jobs.ts';
import { strings } from './directives.present.ts';
import * as repo from './directives.repository.ts';
import type { DirectiveRow } from './directives.repository.ts';
import type { IssueInput } from './directives.schemas.ts';
import { fullSymbol } from './dispatch.ts';
import * as recipientsRepo from './recipients.repository.ts';
import { storingNumber, takeOutgoingNumber } from './register.service.ts';
import { WORKFLOW, isAllowedFrom } from './workflow.ts';

// Issuing and fan-out: recipients expanded at the date, arrival numbers, one notice job per unit; revocation.

/** 2025-07-01 → "ngày 01 tháng 07 năm 2025". */
function dateText(key: string): string {
  return formatVnDate(new Date(`${key}T12:00:00+07:00`));
}

/** One notice job per (directive, unit) pair, id `<prefix>:<directiveId>:<unitId>`, in the caller's transaction. */
export function enqueueNoticePairs(tx: Db, kind: NotifyKind, pairs: readonly { directiveId: string; unitId: string }[], runAt: Date): Promise<number> {
  return enqueueMany(
    tx,
    notifyRecipientJob,
    pairs.map(({ directiveId, unitId }) => ({ id: `${JOB_ID_PREFIX[kind]}:${directiveId}:${unitId}`, payload: { kind, directiveId, unitId }, runAt })),
  );
}

/** One notice per recipient unit of a directive (issued, revoked), read inside the same transaction. */
async function enqueueRecipientNotices(tx: Db, kind: NotifyKind, directiveId: string, runAt: Date): Promise<number> {
  const unitIds = await recipientsRepo.findRecipientUnitIds(tx, directiveId);
  return enqueueNoticePairs(
    tx,
    kind,
    unitIds.map((unitId) => ({ directiveId, unitId })),
    runAt,
  );
}

/**
 * The recipients of a directive at a date: each Kính gửi entry (explicit units first, then groups)
 * with how many units in force it reaches, the distinct units with the group that brought each,
 * and the names of the entries that reach none (a unit out of force, a group of an old tree).
 */
async function expandRecipients(lookup: UnitLookup, tx: Db, d: DirectiveRow, date: string) {
  const unitIds = strings(d.recipientUnitIds);
  const units = await lookup.byIds(unitIds, { tx });
  const missingUnit = unitIds.find((u) => !units.some((x) => x.id === u));
  if (missingUnit) throw new AppError('UNKNOWN_UNIT', { unit: missingUnit });
  const groupIds = strings(d.recipientGroupIds);
  const groups = await repo.findGroupsByIds(tx, groupIds);
  const missingGroup = groupIds.find((g) => !groups.some((x) => x.id === g));
  if (missingGroup) throw new AppError('UNKNOWN_GROUP', { group: missingGroup });
  const via = new Map<string, string | null>();
  const entries: { kind: 'unit' | 'group'; id: string; name: string; reaches: number; editionLabel: string | null }[] = [];
  for (const id of unitIds) {
    const u = units.find((x) => x.id === id);
    if (!u) continue;
    const live = inForceAt(u, date);
    if (live) via.set(u.id, null);
    entries.push({ kind: 'unit', id: u.id, name: u.name, reaches: live ? 1 : 0, editionLabel: live ? null : editionLabel(u, date) });
  }
  for (const id of groupIds) {
    const g = groups.find((x) => x.id === id);
    if (!g) continue;
    const members = (await expandRule(tx, GroupRule.parse(g.rule), date)).filter((u) => inForceAt(u, date));
    for (const u of members) if (!via.has(u.id)) via.set(u.id, g.id);
    entries.push({ kind: 'group', id: g.id, name: g.name, reaches: members.length, editionLabel: null });
  }
  return { entries, via, unreached: entries.filter((e) => e.reaches === 0).map((e) => e.name) };
}

/**
 * Who a directive would reach if issued on `date` (default today): each Kính gửi entry with the
 * number of units it reaches, so the issue dialog can name the entries that reach none.
 */
export async function previewRecipients(deps: DirectivesDeps, actor: Actor, id: string, q: { date?: string | undefined }) {
  const { d } = await loadFor(deps, actor, id, 'directive.read');
  const date = q.date ?? vnDateKey(deps.clock.now());
  const { entries, via, unreached } = await expandRecipients(deps.units, deps.db, d, date);
  return { date, entries, total: via.size, unreached };
}

/** Revokes inside a transaction: the directive, its recipients' inbox items, one notice job per recipient. */
async function revokeIn(tx: Db, a: Actor, d: DirectiveRow, reason: string, now: Date) {
  const updated = await repo.updateDirectiveIf(tx, d.id, WORKFLOW.revoke.from, { status: 'revoked', revokedBy: a.userId, revokedAt: now, revokeReason: reason });
  if (!updated) throw invalidState(d, WORKFLOW.revoke.label);
  const recipients = await recipientsRepo.markRecipientsRevoked(tx, d.id, now);
  await enqueueRecipientNotices(tx, 'revoked', d.id, now);
  await recordAudit(tx, a, {
    action: 'directive.revoke',
    entity: 'directive',
    entityId: d.id,
    unitId: d.issuerUnitId,
    before: { status: 'issued' },
    after: { status: 'revoked', reason, recipients },
  });
  return updated;
}

/**
 * The clerk issues: the next number of the issuer's register for the year, the recipients expanded
 * at the directive's date with their arrival numbers, one e-mail job per recipient unit — one
 * transaction, so a failure leaves nothing behind and two clerks never share a number.
 */
export async function issueDirective(deps: DirectivesDeps, actor: Actor, id: string, input: IssueInput = {}) {
  const { a, d } = await loadFor(deps, actor, id, 'directive.issue');
  const label = WORKFLOW.issue.label;
  if (!isAllowedFrom('issue', d.status)) throw invalidState(d, label);
  const now = deps.clock.now();
  const date = input.date ?? vnDateKey(now);
  const year = Number(date.slice(0, 4));
  const arrivalYear = Number(vnDateKey(now).slice(0, 4));
  const row = await deps.db.transaction(async (tx) => {
    const claimed = await repo.updateDirectiveIf(tx, id, WORKFLOW.issue.from, { status: 'issued', issuedBy: a.userId, issuedAt: now, date, year });
    if (!claimed) throw invalidState((await repo.findDirectiveById(tx, id)) ?? d, label);
    const number = await takeOutgoingNumber(tx, d.issuerUnitId, year, input.number);
    const issued = await storingNumber(number, year, () => repo.updateDirectiveIf(tx, id, ['issued'], { number }));
    if (!issued) throw invalidState(d, label);

    // Expansion at the directive's date; a Kính gửi entry that reaches no unit is never dropped silently.
    const { via, unreached } = await expandRecipients(deps.units, tx, d, date);
    const groupIds = strings(d.recipientGroupIds);
    if (via.size === 0 && unreached.length === 0) throw new AppError('NO_RECIPIENTS');
    if (via.size === 0 || (unreached.length > 0 && !input.allowUnreached)) throw new AppError('RECIPIENTS_REACH_NONE', { date: dateText(date), names: unreached.join('; ') });
    const recipients = await recipientsRepo.insertRecipients(
      tx,
      { directiveId: id, year: arrivalYear, deliveredAt: now },
      [...via].map(([unitId, viaGroupId]) => ({ unitId, viaGroupId })),
    );
    const mails = await enqueueRecipientNotices(tx, 'issued', id, now);
    await recordAudit(tx, a, {
      action: 'directive.issue',
      entity: 'directive',
      entityId: id,
      unitId: d.issuerUnitId,
      before: { status: 'signed' },
      after: { status: 'issued', number, year, date, fullSymbol: fullSymbol(issued), recipients, groups: groupIds, mailJobs: mails, ...(unreached.length ? { unreached } : {}) },
    });
    // A directive that replaces or revokes another takes it out of force when it is issued.
    if (d.refersToId && (d.refersAs === 'revokes' || d.refersAs === 'replaces')) {
      const target = await repo.findDirectiveById(tx, d.refersToId);
      if (target?.status === 'issued') await revokeIn(tx, a, target, `${d.refersAs === 'revokes' ? 'Thu hồi' : 'Thay thế'} bởi văn bản số ${fullSymbol(issued)}`, now);
    }
    return issued;
  });
  deps.changed();
  return presentFor(deps, a, row, d.issuerPath);
}

export async function revokeDirective(deps: DirectivesDeps, actor: Actor, id: string, reason: string) {
  const { a, d } = await loadFor(deps, actor, id, 'directive.revoke');
  if (!isAllowedFrom('revoke', d.status)) throw invalidState(d, WORKFLOW.revoke.label);
  const updated = await deps.db.transaction((tx) => revokeIn(tx, a, d, reason, deps.clock.now()));
  deps.changed();
  return presentFor(deps, a, updated, d.issuerPath);
}
