import type { Db } from '../../db/client.ts';
import type { InTx } from '../../db/unit-of-work.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { vnDateKey } from '../../platform/text.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './units.repository.ts';
import type { GroupRow, UnitRow } from './units.repository.ts';
import { GroupRule } from './units.schemas.ts';
import type { CreateGroupInput, GroupRuleInput, UpdateGroupInput } from './units.schemas.ts';
import { presentUnit } from './units.service.ts';

export function presentGroup(g: GroupRow) {
  return { id: g.id, ownerUnitId: g.ownerUnitId, name: g.name, description: g.description, rule: GroupRule.parse(g.rule) };
}

/** Expands a rule to the units it names at a date. Exported for directives (issue-time expansion). */
export async function expandRule(db: Db, rule: GroupRuleInput, at: string | null): Promise<UnitRow[]> {
  if (rule.type === 'explicit') return repo.findUnitsByIds(db, rule.unitIds);
  const under = await repo.findUnitById(db, rule.underUnitId);
  if (!under) return [];
  return repo.findUnitsOfKindUnder(db, rule.kind, under.path, at);
}

export function createGroupsService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  async function ownerOf(ownerUnitId: string, q: Db = db): Promise<UnitRow> {
    const owner = await repo.findUnitById(q, ownerUnitId);
    if (!owner) throw new AppError('UNKNOWN_UNIT', { unit: ownerUnitId });
    return owner;
  }

  async function loadGroup(actor: Actor, id: string, q: Db = db) {
    const group = await repo.findGroupById(q, id);
    if (!group) throw new AppError('NOT_FOUND');
    const owner = await ownerOf(group.ownerUnitId, q);
    return { group, owner };
  }

  /** Every unit a rule names must exist; the error names the first unknown one. */
  async function checkRule(rule: GroupRuleInput): Promise<void> {
    const ids = rule.type === 'explicit' ? [...new Set(rule.unitIds)] : [rule.underUnitId];
    const found = new Set((await repo.findUnitsByIds(db, ids)).map((u) => u.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new AppError('UNKNOWN_UNIT', { unit: missing });
  }

  return {
    async listGroups(actor: Actor, ownerUnitId: string) {
      const owner = await ownerOf(ownerUnitId);
      authorize(actor, 'group.read', { unitPath: owner.path });
      return (await repo.findGroupsOwnedBy(db, owner.id)).map(presentGroup);
    },

    /** Reads in the caller's transaction when given (tasks.createTask inside an import's confirmation). */
    async getGroup(actor: Actor, id: string, opts: InTx = {}) {
      const { group, owner } = await loadGroup(actor, id, opts.tx ?? db);
      authorize(actor, 'group.read', { unitPath: owner.path }, 'group.read');
      return presentGroup(group);
    },

    async listMembers(actor: Actor, id: string, at: string | undefined) {
      const { group, owner } = await loadGroup(actor, id);
      authorize(actor, 'group.read', { unitPath: owner.path }, 'group.read');
      const members = await expandRule(db, GroupRule.parse(group.rule), at ?? vnDateKey(deps.clock.now()));
      return members.map(presentUnit);
    },

    async createGroup(actor: Actor, input: CreateGroupInput) {
      const owner = await ownerOf(input.ownerUnitId);
      const a = authorize(actor, 'group.write', { unitPath: owner.path }, 'group.read');
      await checkRule(input.rule);
      return db.transaction(async (tx) => {
        const created = await repo.insertGroup(tx, {
          ownerUnitId: owner.id,
          name: input.name,
          description: input.description ?? null,
          rule: input.rule,
        });
        await recordAudit(tx, a, { action: 'group.create', entity: 'recipient_group', entityId: created.id, unitId: owner.id, after: presentGroup(created) });
        return presentGroup(created);
      });
    },

    async updateGroup(actor: Actor, id: string, input: UpdateGroupInput) {
      const { group, owner } = await loadGroup(actor, id);
      const a = authorize(actor, 'group.write', { unitPath: owner.path }, 'group.read');
      if (input.rule) await checkRule(input.rule);
      return db.transaction(async (tx) => {
        const updated = await repo.updateGroup(tx, id, input);
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, a, {
          action: 'group.update',
          entity: 'recipient_group',
          entityId: id,
          unitId: owner.id,
          before: presentGroup(group),
          after: presentGroup(updated),
        });
        return presentGroup(updated);
      });
    },

    async deleteGroup(actor: Actor, id: string): Promise<void> {
      const { group, owner } = await loadGroup(actor, id);
      const a = authorize(actor, 'group.write', { unitPath: owner.path }, 'group.read');
      await db.transaction(async (tx) => {
        await repo.deleteGroup(tx, id);
        await recordAudit(tx, a, { action: 'group.delete', entity: 'recipient_group', entityId: id, unitId: owner.id, before: presentGroup(group) });
      });
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
