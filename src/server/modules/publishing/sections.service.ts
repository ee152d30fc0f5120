import { AppError } from '../../platform/errors.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import './publishing.errors.ts';
import { recordAudit } from '../audit/index.ts';
import { sectionCapabilities, sectionFor, sectionOr404 } from './publishing.context.ts';
import type { PublishingContext } from './publishing.context.ts';
import * as repo from './publishing.repository.ts';
import type { CreateSectionInput, UpdateSectionInput } from './publishing.schemas.ts';
import { presentSection } from './publishing.presenters.ts';
import type { SectionView } from './publishing.presenters.ts';
import type { SectionCapabilities } from './publishing.schemas.ts';
import { inTx } from '../../db/unit-of-work.ts';
import { afterWrite } from './publishing.context.ts';
import type { ModuleWrite } from './publishing.context.ts';

/** A section as an editor sees it: with the capabilities of the signed-in user. */
export type EditorSection = SectionView & { capabilities: SectionCapabilities };

/** Portal sections: the list, creating one, editing one (and handing it to a delegate unit). */
export function createSectionsService(ctx: PublishingContext) {
  const { db, emit } = ctx;

  return {
    /** Any signed-in user reads the section list (the route requires a session), with what they may do in each. */
    async listSections(actor: Actor): Promise<EditorSection[]> {
      return (await repo.listSections(db)).map((s) => sectionFor(actor, s));
    },

    /**
     * A new section. A module composing it into its own use case (the misinformation desk's correction section)
     * passes `opts.tx`, and `opts.permission` when what lets the actor create it is not section.manage.
     */
    async createSection(actor: Actor, input: CreateSectionInput, opts: ModuleWrite = {}): Promise<EditorSection> {
      const a = actor;
      const q = opts.tx ?? db;
      const unitIds = [input.ownerUnitId, ...(input.delegateUnitId ? [input.delegateUnitId] : [])];
      const found = await repo.findUnitPaths(q, unitIds);
      const owner = found.get(input.ownerUnitId);
      if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: input.ownerUnitId });
      if (input.delegateUnitId && !found.has(input.delegateUnitId)) throw new AppError('UNKNOWN_UNIT', { unit: input.delegateUnitId });
      if (!can(a, opts.permission ?? 'section.manage', { unitPath: owner.path })) throw new AppError('FORBIDDEN');
      const created = await inTx(db, opts, async (tx) => {
        const row = await repo
          .insertSection(tx, {
            slug: input.slug,
            name: input.name,
            description: input.description ?? null,
            ownerUnitId: input.ownerUnitId,
            delegateUnitId: input.delegateUnitId ?? null,
            situationFields: input.situationFields ?? null,
            position: input.position,
          })
          .catch((err: unknown) => {
            if (err instanceof repo.UniqueViolation) throw new AppError('SLUG_TAKEN', { slug: input.slug });
            throw err;
          });
        await recordAudit(tx, a, { action: 'section.create', entity: 'section', entityId: row.id, unitId: row.ownerUnitId, after: presentSection(row) });
        return row;
      });
      afterWrite(opts, () => emit({ kind: 'section', id: created.id }));
      const delegatePath = created.delegateUnitId ? (found.get(created.delegateUnitId)?.path ?? null) : null;
      return { ...presentSection(created), capabilities: sectionCapabilities(a, { ...created, ownerPath: owner.path, delegatePath }) };
    },

    /** Also how a section is handed to (or taken back from) a delegate unit. */
    async updateSection(actor: Actor, id: string, input: UpdateSectionInput): Promise<EditorSection> {
      const s = await sectionOr404(db, id);
      const a = actor;
      if (!can(a, 'section.manage', { unitPath: s.ownerPath })) throw new AppError('FORBIDDEN');
      if (input.delegateUnitId && !(await repo.findUnitPaths(db, [input.delegateUnitId])).has(input.delegateUnitId)) {
        throw new AppError('UNKNOWN_UNIT', { unit: input.delegateUnitId });
      }
      await db.transaction(async (tx) => {
        const row = await repo.updateSection(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.delegateUnitId !== undefined ? { delegateUnitId: input.delegateUnitId } : {}),
          ...(input.situationFields !== undefined ? { situationFields: input.situationFields } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
        });
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, { action: 'section.update', entity: 'section', entityId: id, unitId: s.ownerUnitId, before: presentSection(s), after: presentSection(row) });
        return row;
      });
      emit({ kind: 'section', id });
      // Read back with its units' paths: a new delegate changes what the editor may do.
      return sectionFor(a, await sectionOr404(db, id));
    },
  };
}
