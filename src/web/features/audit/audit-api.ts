// Client of the audit trail (GET /api/audit). Shapes are the shared contract
// (src/shared/contracts/audit.ts); the response is checked against it.
import { queryString, requestParsed } from '../../api.ts';
import { AuditPageOut, type AuditEvent } from '../../../shared/contracts/audit.ts';

export type { AuditEvent } from '../../../shared/contracts/audit.ts';

export interface AuditFilter {
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export function listAudit(filter: AuditFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { limit = 50, ...rest } = filter;
  return requestParsed(AuditPageOut, 'GET', `/api/audit${queryString({ ...rest, limit })}`);
}
