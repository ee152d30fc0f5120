import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import type { AuditService } from './audit.service.ts';

const AuditQuerySchema = z.object({
  actor: z.string().trim().max(200).optional(),
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const AuditEventOut = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export function registerAuditRoutes(app: Api, svc: AuditService): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() }) } } },
    async (req) => {
      const { items, nextCursor } = await svc.listAuditEvents(req.actor, req.query);
      return { items: items.map((e) => ({ ...e, id: String(e.id), at: e.at.toISOString() })), nextCursor };
    },
  );
}
