// Client of the misinformation desk API (the rumors module, issue #15): the case list; the detail, workflow,
// intake, clustering and monitoring clients sit beside it in their own files. Every response is checked against
// the shared contract.
import type { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import { RumorCaseDetailEnvelope, RumorCaseListOut } from '../../../shared/contracts/rumors.ts';
import type { RumorCaseDetail, RumorCaseUpdateInput, RumorConclusion, RumorEvidenceInput, RumorSeverity, RumorStatus, RumorVerdict } from '../../../shared/contracts/rumors.ts';

export {
  RUMOR_CHANNEL_LABELS,
  RUMOR_CHANNELS,
  RUMOR_LIMITS,
  RUMOR_SEVERITIES,
  RUMOR_SEVERITY_LABELS,
  RUMOR_STATUS_LABELS,
  RUMOR_STATUSES,
  RUMOR_VERDICT_LABELS,
  RUMOR_VERDICTS,
} from '../../../shared/contracts/rumors.ts';
export { RUMOR_EVIDENCE_KIND_LABELS, RUMOR_MANUAL_EVIDENCE_KINDS } from '../../../shared/contracts/rumors.ts';
export type {
  RumorActionView,
  RumorCaseCapabilities,
  RumorCaseDetail,
  RumorEvidenceView,
  RumorCaseSummary,
  RumorChannel,
  RumorReportView,
  RumorSeverity,
  RumorStatus,
  RumorVerdict,
  RevealedIdentityView,
} from '../../../shared/contracts/rumors.ts';

export const enc = encodeURIComponent;

/** Vietnam time (UTC+7) of a datetime-local input as an ISO string with its offset. */
export function fromVietnamLocal(v: string): string | null {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? `${v}:00+07:00` : null;
}

export interface CaseFilters {
  status?: RumorStatus | undefined;
  verdict?: RumorVerdict | undefined;
  severity?: RumorSeverity | undefined;
  q?: string | undefined;
  /** Only the cases assigned to me (sent only when true: the server coerces any value to true). */
  mine?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function listCases(f: CaseFilters) {
  return requestParsed(
    RumorCaseListOut,
    'GET',
    `/api/rumors/cases${queryString({ status: f.status, verdict: f.verdict, severity: f.severity, q: f.q, mine: f.mine ? 'true' : undefined, limit: f.limit, offset: f.offset })}`,
  );
}

// ─── One case: detail, update, evidence, conclusion ───

export function getCase(id: string): Promise<RumorCaseDetail> {
  return caseCall('GET', `/api/rumors/cases/${enc(id)}`);
}

/** Every write on a case answers the case as it is now. */
async function caseCall(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<RumorCaseDetail> {
  return (await requestParsed(RumorCaseDetailEnvelope, method, path, body)).case;
}

export const updateCase = (id: string, patch: z.input<typeof RumorCaseUpdateInput>) => caseCall('PATCH', `/api/rumors/cases/${enc(id)}`, patch);
export const addEvidence = (id: string, body: z.input<typeof RumorEvidenceInput>) => caseCall('POST', `/api/rumors/cases/${enc(id)}/evidence`, body);
export const proposeConclusion = (id: string, body: RumorConclusion) => caseCall('POST', `/api/rumors/cases/${enc(id)}/conclusion`, body);
/** No Idempotency-Key: the route does not read one (a second approval meets the case already concluded). */
export const approveConclusion = (id: string) => caseCall('POST', `/api/rumors/cases/${enc(id)}/conclusion/approve`);
export const returnConclusion = (id: string, note: string) => caseCall('POST', `/api/rumors/cases/${enc(id)}/conclusion/return`, { note });
