export { createAuditService, recordAudit } from './audit.service.ts';
export type { AuditEntry, AuditQuery, AuditService } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
