// The audit module's public surface: every module records its changes with recordAudit.
export { recordAudit } from './audit.service.ts';
export type { AuditEntry } from './audit.service.ts';
export { formatSuspiciousAccounts } from './suspicious.ts';

import { defineModule } from '../module.ts';
import { createAuditService as makeAudit } from './audit.service.ts';
import type { AuditService as Audit } from './audit.service.ts';
import { registerAuditRoutes as auditRoutes } from './audit.routes.ts';

declare module '../module.ts' {
  interface Services {
    audit: Audit;
  }
}

/** The audit trail and its browser. */
export const module = defineModule({
  name: 'audit',
  create: ({ db }) => ({ audit: makeAudit({ db }) }),
  routes: (app, { services }) => auditRoutes(app, services.audit),
});
