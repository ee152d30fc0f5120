import { AppError } from '../../platform/errors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import './publishing.errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { CreateLinkInput } from './publishing.schemas.ts';
import { presentLink } from './publishing.presenters.ts';
import type { LinkView } from './publishing.presenters.ts';

/** Hotlines and service links shown on every portal page. */
export function createLinksService(ctx: PublishingContext) {
  const { db, emit } = ctx;

  return {
    async createLink(actor: Actor, input: CreateLinkInput): Promise<LinkView> {
      const a = actor;
      const owner = (await repo.findUnitPaths(db, [input.ownerUnitId])).get(input.ownerUnitId);
      if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: input.ownerUnitId });
      if (!can(a, 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertLink(tx, {
          kind: input.kind,
          label: input.label,
          value: input.value,
          note: input.note ?? null,
          ownerUnitId: input.ownerUnitId,
          position: input.position,
        });
        await recordAudit(tx, a, { action: 'link.create', entity: 'link', entityId: created.id, unitId: input.ownerUnitId, after: presentLink(created) });
        return created;
      });
      emit({ kind: 'link', id: row.id });
      return presentLink(row);
    },

    async deleteLink(actor: Actor, id: string): Promise<void> {
      const a = actor;
      const link = await repo.findLinkById(db, id);
      if (!link) throw new AppError('NOT_FOUND');
      const owner = (await repo.findUnitPaths(db, [link.ownerUnitId])).get(link.ownerUnitId);
      if (!owner || !can(a, 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        await repo.deleteLink(tx, id);
        await recordAudit(tx, a, { action: 'link.delete', entity: 'link', entityId: id, unitId: link.ownerUnitId, before: presentLink(link) });
      });
      emit({ kind: 'link', id });
    },
  };
}
