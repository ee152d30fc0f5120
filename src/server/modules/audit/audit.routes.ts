import { requestLocale } from '../../http/locale.ts';
import type { Api } from '../../http/types.ts';
import type { AuditService } from './audit.service.ts';
import { AuditPageOut, AuditQuery } from '../../../shared/contracts/audit.ts';

export function registerAuditRoutes(app: Api, svc: AuditService): void {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPageOut } } }, async (req) =>
    svc.listAuditEvents(req.actor, req.query, requestLocale(req)),
  );
}
