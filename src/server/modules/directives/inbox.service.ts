import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import './directives.errors.ts';
import { authorize, can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { UnitLookup } from '../units/index.ts';
import * as repo from './inbox.repository.ts';
import type { InboxRow } from './inbox.repository.ts';
import type { RecipientRow } from './directives.repository.ts';
import type { InboxInput } from './directives.schemas.ts';
import { formatNumber } from './dispatch.ts';
import { presentSummary } from './directives.present.ts';
import type { DirectivesService } from './directives.service.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function presentItem(r: InboxRow, patch: Partial<RecipientRow> = {}) {
  const x = { ...r, ...patch };
  return {
    itemId: x.id,
    unitId: x.unitId,
    arrivalNumber: formatNumber(x.arrivalNumber) ?? '',
    arrivalYear: x.arrivalYear,
    deliveredAt: x.deliveredAt.toISOString(),
    readAt: iso(x.readAt),
    acknowledgedAt: iso(x.acknowledgedAt),
    revokedAt: iso(x.revokedAt),
    directive: presentSummary(r.directive),
  };
}

/**
 * The inbox of a recipient unit (văn bản đến): list, open (marks read when a member of that unit
 * opens it) and acknowledge ("đã nhận"). Scoped like everything else: the unit's subtree.
 */
export function createInboxService(deps: { db: Db; clock: Clock; directives: DirectivesService; units: UnitLookup }) {
  const { db, clock } = deps;

  async function loadItem(actor: Actor, itemId: string, permission: 'inbox.read' | 'inbox.acknowledge') {
    const item = await repo.findRecipientItem(db, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    const a = authorize(actor, permission, { unitPath: item.unitPath }, 'inbox.read');
    return { a, item };
  }

  return {
    async listInbox(actor: Actor, q: InboxInput) {
      const unitId = q.unitId ?? actor.unitId;
      const unit = await deps.units.byId(unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      authorize(actor, 'inbox.read', { unitPath: unit.path }, 'inbox.read');
      const { rows, total } = await repo.findInbox(db, { unitId: unit.id, filter: q.filter, year: q.year, limit: q.limit, offset: q.offset });
      return { items: rows.map((r) => presentItem(r)), total };
    },

    /**
     * What waits in the actor's own unit's inbox (the start page): items not yet acknowledged when
     * the actor may acknowledge, else items nobody in the unit has opened yet; oldest first.
     */
    async listPending(a: Actor, limit: number) {
      if (!can(a, 'inbox.read', { unitPath: a.unitPath })) return null;
      const filter = can(a, 'inbox.acknowledge', { unitPath: a.unitPath }) ? 'unacknowledged' : 'unread';
      const { rows, total } = await repo.findInbox(db, { unitId: a.unitId, filter, limit, offset: 0, oldestFirst: true });
      return { filter, total, items: rows.map((r) => presentItem(r)) };
    },

    /** Opens an item; the first opening by a member of the recipient unit records readAt. */
    async openInboxItem(actor: Actor, itemId: string) {
      const { a, item } = await loadItem(actor, itemId, 'inbox.read');
      let patch: Partial<RecipientRow> = {};
      if (!item.readAt && a.unitId === item.unitId) {
        const now = clock.now();
        await db.transaction(async (tx) => {
          const read = await repo.markRead(tx, item.id, a.userId, now);
          if (!read) return;
          patch = { readAt: read.readAt, readBy: read.readBy };
          await recordAudit(tx, a, {
            action: 'directive.receive.read',
            entity: 'directive',
            entityId: item.directiveId,
            unitId: item.unitId,
            after: { itemId: item.id, readAt: now.toISOString() },
          });
        });
      }
      return { item: presentItem(item, patch), directive: await deps.directives.getDirective(a, item.directiveId) };
    },

    /** "Đã nhận": acknowledges receipt. Repeating it changes nothing; a revoked item cannot be acknowledged. */
    async acknowledgeInboxItem(actor: Actor, itemId: string) {
      const { a, item } = await loadItem(actor, itemId, 'inbox.acknowledge');
      if (item.acknowledgedAt) return presentItem(item);
      if (item.revokedAt) throw new AppError('DIRECTIVE_INVALID_STATE', { status: 'đã thu hồi', action: 'xác nhận đã nhận' });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const acked = await repo.markAcknowledged(tx, item.id, a.userId, now);
        if (!acked) return presentItem((await repo.findRecipientItem(tx, item.id)) ?? item);
        await recordAudit(tx, a, {
          action: 'directive.receive.acknowledge',
          entity: 'directive',
          entityId: item.directiveId,
          unitId: item.unitId,
          after: { itemId: item.id, acknowledgedAt: now.toISOString() },
        });
        return presentItem(item, acked);
      });
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
