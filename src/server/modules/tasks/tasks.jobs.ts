import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobQueue, Schedule } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../providers/mailer/port.ts';
import { periodByKey, periodsBetween } from './recurrence.ts';
import type { DueRule } from './recurrence.ts';
import * as repo from './tasks.repository.ts';
import * as submissionsRepo from './submissions.repository.ts';

export const REMINDER_KINDS = ['due', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long after a deadline units that have not reported are still reminded (once). */
export const OVERDUE_WINDOW_MS = 7 * 86_400_000;

/** `report-reminder:<taskId>:<unitId>:<period>:<kind>`: two workers never send the same reminder twice. */
export function reminderJobId(taskId: string, unitId: string, period: string, kind: ReminderKind): string {
  return `report-reminder:${taskId}:${unitId}:${period}:${kind}`;
}

const reminderPayload = z.object({ taskId: z.uuid(), unitId: z.uuid(), period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), kind: z.enum(REMINDER_KINDS) });

/** Reminds one unit that has not reported (e-mail to its contacts + in-app notice); overdue also tells its parent. */
export const reportReminderJob = defineJob({
  name: 'tasks.report-reminder',
  payload: reminderPayload,
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('tasks.report-reminder: handler not bound')),
});

/** Finds units that have not reported near or after a deadline and enqueues one reminder each. */
export const reportReminderScanJob = defineJob({
  name: 'tasks.report-reminder-scan',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('tasks.report-reminder-scan: handler not bound')),
});

/** Every 15 minutes, Viet Nam time; the slot id makes each scan run once across instances. */
export const REPORT_REMINDER_SCHEDULE: Schedule = { key: 'report-reminders', cron: '*/15 * * * *', job: reportReminderScanJob.name, payload: {} };

function vnTime(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function bindTaskJobs(deps: { db: Db; mailer: Mailer; clock: Clock; publicUrl: () => string; jobs: JobQueue }) {
  const { db } = deps;

  /** Enqueues the reminders due now; returns how many new jobs were added. */
  async function scan(): Promise<number> {
    const now = deps.clock.now();
    let added = 0;
    for (const task of await repo.listActiveTasks(db)) {
      if (!(await repo.findReportForm(db, task.id))) continue;
      const rule = task.dueRule as DueRule;
      const lead = task.reminderLeadMinutes * 60_000;
      const periods = periodsBetween(rule, new Date(now.getTime() - OVERDUE_WINDOW_MS), new Date(now.getTime() + lead));
      for (const p of periods) {
        const kind: ReminderKind = p.deadline.getTime() < now.getTime() ? 'overdue' : 'due';
        for (const unit of await repo.findMissingAssignees(db, task.id, p.key)) {
          const payload = { taskId: task.id, unitId: unit.id, period: p.key, kind };
          if (await deps.jobs.enqueue(db, reportReminderJob, payload, { id: reminderJobId(task.id, unit.id, p.key, kind) })) added++;
        }
      }
    }
    return added;
  }

  const remind = defineJob({
    ...reportReminderJob,
    async handle({ taskId, unitId, period, kind }) {
      const task = await repo.findTaskById(db, taskId);
      const unit = await repo.findUnitContact(db, unitId);
      if (!task || !unit || task.status !== 'active') return;
      const p = periodByKey(task.dueRule as DueRule, period);
      if (!p || (await submissionsRepo.findSubmission(db, taskId, unitId, period))) return; // reported meanwhile
      const link = `${deps.publicUrl()}/bao-cao/${task.id}?ky=${period}`;
      const deadline = vnTime(p.deadline);
      const message =
        kind === 'due'
          ? `${unit.name} chưa gửi báo cáo "${task.title}" kỳ ${period}; hạn gửi ${deadline}.`
          : `${unit.name} chưa gửi báo cáo "${task.title}" kỳ ${period}; đã quá hạn (${deadline}).`;
      const subject = kind === 'due' ? `Nhắc gửi báo cáo: ${task.title}` : `Quá hạn báo cáo: ${task.title}`;
      for (const to of unit.emails) await deps.mailer.send({ to, subject, text: `${message}\n\nGửi báo cáo tại: ${link}\n` });
      await repo.insertNotification(db, { unitId: unit.id, taskId, aboutUnitId: unit.id, period, kind, message });
      if (kind !== 'overdue' || !unit.parentId) return;
      const parent = await repo.findUnitContact(db, unit.parentId);
      if (!parent) return;
      const parentMessage = `Đơn vị trực thuộc ${message}`;
      for (const to of parent.emails)
        await deps.mailer.send({ to, subject: `Đơn vị trực thuộc quá hạn báo cáo: ${task.title}`, text: `${parentMessage}\n\nCó thể gửi thay tại: ${link}\n` });
      await repo.insertNotification(db, { unitId: parent.id, taskId, aboutUnitId: unit.id, period, kind: 'overdue_child', message: parentMessage });
    },
  });

  const scanJob = defineJob({
    ...reportReminderScanJob,
    async handle() {
      await scan();
    },
  });

  return { jobs: [remind, scanJob], scan };
}
