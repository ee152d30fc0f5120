import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { Schedule } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../providers/mailer/port.ts';
import type { UnitLookup } from '../units/index.ts';
import * as repo from './directives.repository.ts';
import * as inboxRepo from './inbox.repository.ts';
import { docTypeName, fullSymbol } from './dispatch.ts';

export const NOTIFY_KINDS = ['issued', 'revoked', 'reminder', 'escalation'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Deterministic job id prefixes: `<prefix>:<directiveId>:<unitId>`, so no notice ever goes twice. */
export const JOB_ID_PREFIX: Record<NotifyKind, string> = {
  issued: 'directive-mail',
  revoked: 'directive-revoked',
  reminder: 'directive-remind',
  escalation: 'directive-escalate',
};

const notifyPayload = z.object({ kind: z.enum(NOTIFY_KINDS), directiveId: z.uuid(), unitId: z.uuid() });

/** E-mail to one recipient unit's contacts about one directive (issued, revoked, reminder, escalation to the parent). */
export const notifyRecipientJob = defineJob({
  name: 'directives.notify',
  payload: notifyPayload,
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('directives.notify: handler not bound')),
});

/** Finds recipients that have not acknowledged in time: reminds them, later tells their parent unit. */
export const reminderScanJob = defineJob({
  name: 'directives.reminder-scan',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('directives.reminder-scan: handler not bound')),
});

/** Every hour at :05, Viet Nam time; the slot id makes each run happen once across instances. */
export const REMINDER_SCHEDULE: Schedule = { key: 'directives-reminders', cron: '5 * * * *', job: reminderScanJob.name, payload: {} };

export function bindDirectiveJobs(deps: { db: Db; mailer: Mailer; clock: Clock; publicUrl: () => string; units: UnitLookup; runReminderScan: () => Promise<unknown> }) {
  const notify = defineJob({
    ...notifyRecipientJob,
    async handle({ kind, directiveId, unitId }) {
      const d = await repo.findDirectiveById(deps.db, directiveId);
      const [unit] = await deps.units.byIds([unitId]);
      if (!d || !unit || unit.emails.length === 0) return; // nobody to write to
      const title = `${docTypeName(d.docType)} số ${fullSymbol(d)} của ${d.issuer}`;
      const recipient = await inboxRepo.findRecipient(deps.db, directiveId, unitId);
      const base = deps.publicUrl();
      const link = recipient ? `${base}/admin/#/inbox/${recipient.id}` : `${base}/admin/`;
      let subject: string;
      let text: string;
      switch (kind) {
        case 'issued':
          subject = `Văn bản đến: ${title}`;
          text = `Kính gửi ${unit.name},\n\n${d.issuer} đã ban hành ${title} V/v ${d.subject}.\nXem và xác nhận đã nhận tại: ${link}\n`;
          break;
        case 'revoked':
          subject = `Thu hồi văn bản: ${title}`;
          text = `Kính gửi ${unit.name},\n\n${title} V/v ${d.subject} đã bị thu hồi${d.revokeReason ? ` (lý do: ${d.revokeReason})` : ''}.\nĐề nghị không tiếp tục thực hiện văn bản này.\n`;
          break;
        case 'reminder':
          if (!recipient || recipient.acknowledgedAt || recipient.revokedAt) return;
          subject = `Nhắc xác nhận văn bản: ${title}`;
          text = `Kính gửi ${unit.name},\n\nĐơn vị chưa xác nhận đã nhận ${title} V/v ${d.subject}.\nĐề nghị xác nhận tại: ${link}\n`;
          break;
        case 'escalation': {
          const silent = await inboxRepo.findSilentChildren(deps.db, directiveId, unitId);
          if (silent.length === 0) return;
          subject = `Các đơn vị trực thuộc chưa xác nhận văn bản: ${title}`;
          text = `Kính gửi ${unit.name},\n\nCác đơn vị sau chưa xác nhận đã nhận ${title} V/v ${d.subject}:\n${silent.map((n) => `- ${n}`).join('\n')}\nĐề nghị đôn đốc các đơn vị.\n`;
          break;
        }
      }
      for (const to of unit.emails) await deps.mailer.send({ to, subject, text });
      if (kind === 'issued') await inboxRepo.markEmailed(deps.db, directiveId, unitId, deps.clock.now());
    },
  });
  const scan = defineJob({
    ...reminderScanJob,
    async handle() {
      await deps.runReminderScan();
    },
  });
  return [notify, scan] as const;
}
