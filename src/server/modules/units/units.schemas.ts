import { z } from 'zod';
import { ADDABLE_KINDS, UNIT_KINDS } from './unit-kinds.ts';

/** Shared limits: the admin UI uses the same numbers. */
export const LIMITS = { name: 300, email: 254, phone: 30, address: 500, website: 500, listItems: 20 } as const;

const text = (max: number) => z.string().trim().min(1).max(max).transform((s) => s.normalize('NFC'));
/** A real calendar date (YYYY-MM-DD): an impossible one such as 2021-02-30 is a 400, not a database error. */
const isoDate = z.iso.date();

export const UnitIdParams = z.object({ id: z.uuid() });
export const AtQuery = z.object({ at: isoDate.optional() });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  at: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `current`: only the tree in force at `at` (default); `all`: also other editions (the 2025 tree), ranked after. */
  editions: z.enum(['current', 'all']).default('current'),
});

export const CreateUnitBody = z.object({
  parentId: z.uuid(),
  name: text(LIMITS.name),
  kind: z.enum(ADDABLE_KINDS as [string, ...string[]]),
  code: z.string().trim().max(20).optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.object({
  name: text(LIMITS.name).optional(),
  shortName: text(LIMITS.name).nullable().optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitBody>;

export const ContactsBody = z.object({
  emails: z.array(z.email().max(LIMITS.email)).max(LIMITS.listItems).default([]),
  phones: z
    .array(z.string().trim().regex(/^[0-9+().\s-]{3,30}$/, 'số điện thoại không hợp lệ'))
    .max(LIMITS.listItems)
    .default([]),
  address: text(LIMITS.address).nullable().default(null),
  website: z.url().max(LIMITS.website).nullable().default(null),
});
export type ContactsInput = z.infer<typeof ContactsBody>;

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

export const UnitOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number(),
});
export const ContactsOut = z.object({
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  address: z.string().nullable(),
  website: z.string().nullable(),
});
export const UnitListOut = z.object({ items: z.array(UnitOut) });
const UnitRefOut = z.object({ id: z.string(), name: z.string() });
export const UnitSearchOut = z.object({
  items: z.array(
    UnitOut.extend({
      pathText: z.string(),
      /** In force at the search date; a unit that is not carries its list in `editionLabel`. */
      inForce: z.boolean(),
      /** e.g. "Danh mục 2025 (trước sắp xếp)"; null for a unit in force. */
      editionLabel: z.string().nullable(),
      /** For a unit out of force: the units it became part of ("Nay thuộc: Xã Bình Lư"). */
      nowPartOf: z.array(UnitRefOut),
      /** Found through a former unit of the searched name ("Hình thành từ: Thị trấn Tam Đường"). */
      formedFromMatch: UnitRefOut.nullable(),
    }),
  ),
});
const HistoryRefOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  edition: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  partial: z.boolean(),
});
export const UnitDetailOut = z.object({
  unit: UnitOut,
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  contacts: ContactsOut,
  /** Across the 2025 → 2026 reform: "Hình thành từ …" (predecessors) and "Nay thuộc …" (successors). */
  history: z.object({ formedFrom: z.array(HistoryRefOut), nowPartOf: z.array(HistoryRefOut) }),
});
export const GroupOut = z.object({
  id: z.string(),
  ownerUnitId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rule: GroupRule,
});
