import { recordAudit } from '../audit/index.ts';
import { systemActor } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { loadFor } from './directives.deps.ts';
import type { DirectivesDeps } from './directives.deps.ts';
import { iso } from './directives.present.ts';
import type { TrackingInput } from './directives.schemas.ts';
import { formatNumber } from './dispatch.ts';
import * as inboxRepo from './inbox.repository.ts';
import { enqueueNoticePairs } from './issuing.service.ts';
import * as recipientsRepo from './recipients.repository.ts';

// Tracking what recipients did with a directive, and the reminders to those that did nothing.

/** Per recipient: delivered, e-mailed, read, acknowledged (with times), and the counts. */
export async function trackDirective(deps: DirectivesDeps, actor: Actor, id: string, q: TrackingInput) {
  const { d } = await loadFor(deps, actor, id, 'directive.read');
  const [counts, rows] = await Promise.all([inboxRepo.countRecipients(deps.db, d.id), inboxRepo.findTracking(deps.db, { directiveId: d.id, ...q })]);
  return {
    counts,
    items: rows.map((r) => ({
      itemId: r.id,
      unitId: r.unitId,
      unitName: r.unitName,
      viaGroupId: r.viaGroupId,
      arrivalNumber: formatNumber(r.arrivalNumber) ?? '',
      deliveredAt: r.deliveredAt.toISOString(),
      emailedAt: iso(r.emailedAt),
      readAt: iso(r.readAt),
      acknowledgedAt: iso(r.acknowledgedAt),
      remindedAt: iso(r.remindedAt),
      revokedAt: iso(r.revokedAt),
    })),
  };
}

/**
 * The reminder job: nudges silent recipients, then tells their parent units. Each batch marks the
 * recipients and enqueues their jobs in one transaction (ids directive-remind:<d>:<u>,
 * directive-escalate:<d>:<parent>), so a repeat never sends twice.
 */
export async function runReminderScan(deps: DirectivesDeps) {
  const { db, reminders } = deps;
  const now = deps.clock.now();
  const batch = recipientsRepo.FANOUT_BATCH;
  let reminded = 0;
  let escalated = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await recipientsRepo.markDueReminders(tx, { cutoff: new Date(now.getTime() - reminders.remindAfterHours * 3_600_000), now, limit: batch });
      return enqueueNoticePairs(tx, 'reminder', due, now);
    });
    reminded += n;
    if (n < batch) break;
  }
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await recipientsRepo.markDueEscalations(tx, { cutoff: new Date(now.getTime() - reminders.escalateAfterHours * 3_600_000), now, limit: batch });
      return enqueueNoticePairs(tx, 'escalation', due, now);
    });
    escalated += n;
    if (n === 0) break;
  }
  if (reminded || escalated)
    await recordAudit(db, systemActor('job:directives.reminder-scan'), {
      action: 'directive.reminders',
      entity: 'directive',
      entityId: null,
      unitId: null,
      after: { reminded, escalated },
    });
  return { reminded, escalated };
}
