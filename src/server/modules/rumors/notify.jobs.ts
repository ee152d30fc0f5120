/**
 * Requesters told the outcome (issue #15 point 4(d)): when a correction is published (or a conclusion with nothing to
 * correct is approved), one job per report whose informant left a contact — id `rumor-notify:<report id>`, so a
 * second enqueue is a no-op, and the report's outcome_notified_at makes the send happen once. The identity is opened
 * only inside the job and nothing personal is logged (the report's code and the contact kind at most).
 *
 * Channels: e-mail through the mailer; a social-inbox report through the inbox reply (rumorFromSocial.replyForReport,
 * within the platform's window). A phone number is not texted: the broadcasts module sends to units' subscribers
 * and lists, not to one number, and an SMS to an informant would need its own consent and route — the report stays
 * "not told" and the desk sees it (canNotify true, outcomeNotifiedAt null).
 */
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { JobDefinition, JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../providers/mailer/port.ts';
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorVerdict } from '../../../shared/contracts/rumors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as actionsRepo from './actions.repository.ts';
import * as repo from './cases.repository.ts';
import type { RumorCaseRow } from './cases.repository.ts';
import type { OpenIdentity } from './actions.service.ts';

export const notifyOutcomeJob = defineJob({
  name: 'rumors.notify-outcome',
  payload: z.object({ reportId: z.uuid(), link: z.string().nullable() }),
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('rumors.notify-outcome: handler not bound')),
});

export const notifyJobId = (reportId: string): string => `rumor-notify:${reportId}`;

/** Enqueues one notification per report with a contact not told yet (in the caller's transaction); returns how many. */
export async function enqueueNotifications(deps: { jobs: JobQueue; clock: Clock }, tx: Db, a: Actor, row: RumorCaseRow, link: string | null): Promise<number> {
  const reports = await actionsRepo.reportsToNotify(tx, row.id);
  for (const r of reports) await deps.jobs.enqueue(tx, notifyOutcomeJob, { reportId: r.id, link }, { id: notifyJobId(r.id) });
  const now = deps.clock.now();
  await repo.updateCase(tx, row.id, { requestersNotifiedAt: now, updatedAt: now });
  await recordAudit(tx, a, { action: 'rumor.requesters.notify', entity: 'rumor_case', entityId: row.id, unitId: row.unitId, after: { reports: reports.length, link } });
  return reports.length;
}

/** The message: the outcome and the link — nothing about the informant or other reporters. */
export function outcomeText(o: { reportCode: string; caseTitle: string; verdict: string | null; summary: string | null; link: string | null; authority: string }): {
  subject: string;
  text: string;
} {
  const label = o.verdict ? RUMOR_VERDICT_LABELS[o.verdict as RumorVerdict].vi : 'Đã có kết luận';
  return {
    subject: `Kết quả xử lý phản ánh ${o.reportCode}: ${label}`,
    text: [
      `Cảm ơn Quý vị đã gửi phản ánh ${o.reportCode} về thông tin “${o.caseTitle}”.`,
      `Kết quả xác minh: ${label}.${o.summary ? ` ${o.summary}` : ''}`,
      ...(o.link ? [`Thông tin đính chính: ${o.link}`] : []),
      '',
      `${o.authority}`,
      '(Thư tự động từ hệ thống Loa, vui lòng không trả lời thư này.)',
    ].join('\n'),
  };
}

export interface NotifyDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  openIdentity: OpenIdentity;
  unitName: (unitId: string) => Promise<string>;
  replySocial?: (reportId: string, text: string) => Promise<'sent' | 'not_social' | 'window_closed' | 'failed'>;
}

export function bindNotifyJobs(deps: NotifyDeps): JobDefinition[] {
  const { db, clock, logger, mailer } = deps;
  return [
    {
      ...notifyOutcomeJob,
      // Reads, sends, then marks the report told (only if it was not): the job's id is the report's, so one runner
      // handles a report; a crash between the send and the mark sends once more at most (the queue retries).
      handle: async ({ reportId, link }: { reportId: string; link: string | null }) => {
        const report = await actionsRepo.findReportForNotice(db, reportId);
        if (!report || report.outcomeNotifiedAt || !report.informantId) return;
        const kase = await repo.findCase(db, report.caseId);
        if (!kase) return;
        const identity = await deps.openIdentity(db, report.informantId);
        if (!identity) return;
        const msg = outcomeText({
          reportCode: report.code,
          caseTitle: kase.title,
          verdict: kase.verdict,
          summary: kase.verdictSummary,
          link,
          authority: await deps.unitName(kase.unitId),
        });
        let sent = false;
        if (identity.email) {
          await mailer.send({ to: identity.email, subject: msg.subject, text: msg.text });
          sent = true;
        } else if (report.socialItemId && deps.replySocial) {
          sent = (await deps.replySocial(report.id, `${msg.subject}\n${msg.text}`)) === 'sent';
        }
        if (!sent) {
          logger.info({ reportCode: report.code }, 'rumors: requester not told (no e-mail or social reply possible)');
          return;
        }
        await actionsRepo.markReportNotified(db, report.id, clock.now());
      },
    },
  ];
}
