import { SYSTEM_ACTOR_LABEL, auditActionLabel, auditEntityLabel } from '../../../shared/audit-labels.ts';
import type { LabelLang } from '../../../shared/audit-labels.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { AuditRow, EntityName } from './audit.repository.ts';

const ADMIN = '/admin/#';

/** The admin page of an object, when it has one (`name` is what the database still knows of it). */
function pageOf(entity: string, id: string | null, name: EntityName | undefined): string | null {
  if (entity === 'edition') return `${ADMIN}/units`;
  if (!id || !name) return null;
  const page = name.pageId;
  switch (entity) {
    case 'unit':
      return `${ADMIN}/units/${id}`;
    case 'user':
      return page ? `${ADMIN}/users?unit=${page}` : null;
    case 'recipient_group':
      return page ? `${ADMIN}/groups?unit=${page}` : null;
    case 'directive':
      return `${ADMIN}/outgoing/${id}`;
    case 'dispatch_import':
      return `${ADMIN}/imports/${id}`;
    case 'task':
      return `${ADMIN}/reports/${id}`;
    case 'report_submission':
      return page ? `${ADMIN}/reports/${page}` : null;
    case 'section':
      return `${ADMIN}/portal/s/${id}`;
    case 'post':
      return `${ADMIN}/portal/p/${id}`;
    case 'situation':
      return page ? `${ADMIN}/portal/s/${page}/situation` : null;
    case 'question':
      return `${ADMIN}/portal/questions`;
    case 'link':
    case 'media':
      return `${ADMIN}/portal`;
    default:
      return null;
  }
}

/** A name kept in the event itself, for an object that is gone (a deleted group keeps its name in `before`). */
function nameInEvent(row: AuditRow): string | null {
  for (const v of [row.after, row.before]) {
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    for (const k of ['name', 'title', 'subject', 'displayName', 'username', 'label', 'fileName']) {
      const x = o[k];
      if (typeof x === 'string' && x.trim()) return x;
    }
  }
  return null;
}

const PORTAL_SETTINGS: Record<LabelLang, string> = { vi: 'Cổng thông tin', en: 'Public portal' };

/**
 * The system (a job, a command, demo seeding; older rows have no actor id) reads "Hệ thống" in one
 * spelling, followed by the job or command when the row names one: "Hệ thống (job:…)".
 */
export function actorLabel(row: Pick<AuditRow, 'actorId' | 'actorName'>, lang: LabelLang): { label: string; system: boolean } {
  const system = row.actorId === null || row.actorId === SYSTEM_ACTOR.userId;
  if (!system) return { label: row.actorName ?? '', system };
  const source = /\(([^)]+)\)\s*$/.exec(row.actorName ?? '')?.[1];
  const named = source && source !== SYSTEM_ACTOR.username ? ` (${source})` : '';
  return { label: `${SYSTEM_ACTOR_LABEL[lang]}${named}`, system };
}

/** One audit row as the trail shows it: labels in the reader's language, the object by name, with a link. */
export function presentAuditEvent(row: AuditRow, names: ReadonlyMap<string, EntityName>, lang: LabelLang) {
  const name = row.entityId ? names.get(`${row.entity}:${row.entityId}`) : undefined;
  const actor = actorLabel(row, lang);
  const entityLabel =
    name?.label ?? (row.entity === 'settings' && row.entityId === 'portal' ? PORTAL_SETTINGS[lang] : null) ?? nameInEvent(row) ?? (row.entity === 'edition' ? row.entityId : null);
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorLabel: actor.label,
    system: actor.system,
    unitId: row.unitId,
    ip: row.ip,
    action: row.action,
    actionLabel: auditActionLabel(row.action, lang),
    entity: row.entity,
    entityKindLabel: auditEntityLabel(row.entity, lang),
    entityId: row.entityId,
    entityLabel,
    href: pageOf(row.entity, row.entityId, name),
    before: row.before,
    after: row.after,
  };
}
export type AuditEventView = ReturnType<typeof presentAuditEvent>;
