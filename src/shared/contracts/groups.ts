// Contract of the recipient-groups API (/api/groups), shared by the server and the admin UI.
import { z } from 'zod';
import { nfcText as text } from './text.ts';
import { LIMITS, UNIT_KINDS } from './units.ts';

export const GroupRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('explicit'), unitIds: z.array(z.uuid()).min(1).max(20000) }),
  z.object({ type: z.literal('kind_under'), kind: z.enum(UNIT_KINDS), underUnitId: z.uuid() }),
]);
export type GroupRuleInput = z.infer<typeof GroupRule>;

export const GroupIdParams = z.object({ id: z.uuid() });
export const GroupsQuery = z.object({ ownerUnitId: z.uuid() });
export const CreateGroupBody = z.object({
  ownerUnitId: z.uuid(),
  name: text(LIMITS.name),
  description: text(1000).nullable().optional(),
  rule: GroupRule,
});
export type CreateGroupInput = z.infer<typeof CreateGroupBody>;
export const UpdateGroupBody = z.object({
  name: text(LIMITS.name).optional(),
  description: text(1000).nullable().optional(),
  rule: GroupRule.optional(),
});
export type UpdateGroupInput = z.infer<typeof UpdateGroupBody>;

// Responses

export const GroupOut = z.object({
  id: z.string(),
  ownerUnitId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rule: GroupRule,
});
export const GroupListOut = z.object({ items: z.array(GroupOut) });

export type GroupRuleValue = z.infer<typeof GroupRule>;
export type Group = z.infer<typeof GroupOut>;
