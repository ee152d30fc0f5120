import type { RumorCaseSummary, RumorReportView, RumorSeverity, RumorStatus, RumorVerdict, RumorChannel } from '../../../shared/contracts/rumors.ts';
import type { CaseListRow, RumorReportRow } from './cases.repository.ts';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A case in lists: its status, verdict, deadline and how many reported it — never who. */
export function presentCaseSummary(r: CaseListRow, now: Date): RumorCaseSummary {
  return {
    id: r.id,
    code: r.code,
    unitId: r.unitId,
    unitName: r.unitName,
    title: r.title,
    status: r.status as RumorStatus,
    verdict: (r.verdict as RumorVerdict | null) ?? null,
    conclusionState: (r.conclusionState as 'proposed' | 'approved' | null) ?? null,
    severity: r.severity as RumorSeverity,
    respondBy: iso(r.respondBy),
    overdue: r.status !== 'concluded' && r.respondBy !== null && r.respondBy.getTime() < now.getTime(),
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    reportCount: r.reportCount,
    firstSeenAt: iso(r.firstSeenAt),
    lastReportAt: iso(r.lastReportAt),
    createdAt: r.createdAt.toISOString(),
  };
}

/** A report as staff see it. `canNotify` comes from the informant record's contact kind (not its value). */
export function presentReport(r: RumorReportRow, canNotify: boolean): RumorReportView {
  return {
    id: r.id,
    code: r.code,
    caseId: r.caseId,
    channel: r.channel as RumorChannel,
    description: r.description,
    urls: r.urls,
    file: r.fileId && r.fileType ? { type: r.fileType, size: r.fileSize ?? 0 } : null,
    seenAt: iso(r.seenAt),
    createdAt: r.createdAt.toISOString(),
    hasInformant: r.informantId !== null,
    canNotify,
    outcomeNotifiedAt: iso(r.outcomeNotifiedAt),
  };
}
