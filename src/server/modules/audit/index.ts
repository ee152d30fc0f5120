export { ELEVATED_ROLES, createAuditService, recordAudit } from './audit.service.ts';
export type { SuspiciousAccountRow } from './audit.repository.ts';
export type { AuditEntry, AuditQuery, AuditService } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
export { formatSuspiciousAccounts } from './suspicious.ts';
