// Contract of the audit trail API (GET /api/audit), shared by the server and the admin UI.
import { z } from 'zod';

export const AuditQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEventOut = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The actor as shown: the user's name, or "Hệ thống" (with the job or command) for the system. */
  actorLabel: z.string(),
  system: z.boolean(),
  unitId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  /** The action in the reader's language (Accept-Language), e.g. "Ban hành văn bản". */
  actionLabel: z.string(),
  entity: z.string(),
  /** The kind of object, e.g. "Tài khoản". */
  entityKindLabel: z.string(),
  entityId: z.string().nullable(),
  /** The object by name (a user's name, a directive's number and subject, a unit's name); null when unknown. */
  entityLabel: z.string().nullable(),
  /** The object's admin page (/admin/#/…), when it still exists and has one. */
  href: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPageOut = z.object({ items: z.array(AuditEventOut), nextCursor: z.string().nullable() });

export type AuditEvent = z.infer<typeof AuditEventOut>;
