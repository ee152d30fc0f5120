// Contract of the units API (/api/units), shared by the server (route schemas) and the admin UI
// (requests, and the response check): unit kinds, limits, request bodies and response shapes.
import { z } from 'zod';
import { nfcText as text } from './text.ts';

/** Kinds of units. Administrative kinds come from the GSO lists; the others are organisations. */
export const ADMINISTRATIVE_KINDS = ['nation', 'province', 'district', 'commune', 'village'] as const;
export const ORGANISATION_KINDS = [
  'department',
  'office',
  'peoples_committee',
  'press',
  'radio_tv',
  'commune_radio',
  'telco',
  'post',
  'police',
  'border_guard',
  'army',
  'health',
  'school',
  'business_association',
  'party_body',
  'mass_organisation',
  'other',
] as const;
export const UNIT_KINDS = [...ADMINISTRATIVE_KINDS, ...ORGANISATION_KINDS] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The names of the unit kinds (the admin UI, GET /api/units/kinds). */
export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  nation: { vi: 'Quốc gia', en: 'Nation' },
  province: { vi: 'Tỉnh/Thành phố', en: 'Province/City' },
  district: { vi: 'Quận/Huyện', en: 'District' },
  commune: { vi: 'Xã/Phường/Thị trấn', en: 'Commune/Ward/Town' },
  village: { vi: 'Thôn/Bản/Tổ dân phố', en: 'Village/Hamlet/Residential group' },
  department: { vi: 'Sở', en: 'Department' },
  office: { vi: 'Phòng', en: 'Office' },
  peoples_committee: { vi: 'UBND', en: "People's Committee" },
  press: { vi: 'Cơ quan báo chí', en: 'Press agency' },
  radio_tv: { vi: 'Đài PT-TH', en: 'Radio & TV station' },
  commune_radio: { vi: 'Đài truyền thanh cơ sở', en: 'Grassroots radio station' },
  telco: { vi: 'Doanh nghiệp viễn thông', en: 'Telecom operator' },
  post: { vi: 'Bưu điện', en: 'Post office' },
  police: { vi: 'Công an', en: 'Police' },
  border_guard: { vi: 'Bộ đội Biên phòng', en: 'Border guard' },
  army: { vi: 'Quân sự', en: 'Military' },
  health: { vi: 'Y tế', en: 'Health' },
  school: { vi: 'Trường học', en: 'School' },
  business_association: { vi: 'Hiệp hội doanh nghiệp', en: 'Business association' },
  party_body: { vi: 'Cơ quan Đảng', en: 'Party body' },
  mass_organisation: { vi: 'Đoàn thể', en: 'Mass organisation' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Kinds a user may add by hand under an existing unit (administrative levels come from GSO). */
export const ADDABLE_KINDS: readonly UnitKind[] = ['village', ...ORGANISATION_KINDS];

export function isUnitKind(k: string): k is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(k);
}

// Requests

/** Shared limits: the admin UI uses the same numbers. */
export const LIMITS = { name: 300, email: 254, phone: 30, address: 500, website: 500, listItems: 20 } as const;

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
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9+().\s-]{3,30}$/, 'số điện thoại không hợp lệ'),
    )
    .max(LIMITS.listItems)
    .default([]),
  address: text(LIMITS.address).nullable().default(null),
  website: z.url().max(LIMITS.website).nullable().default(null),
});
export type ContactsInput = z.infer<typeof ContactsBody>;

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
export const UnitRefOut = z.object({ id: z.string(), name: z.string() });
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
/** A unit on the other side of a 2025 → 2026 history link ("Hình thành từ …" / "Nay thuộc …"). */
export const HistoryRefOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  edition: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Only part of the predecessor went into the successor (a split unit). */
  partial: z.boolean(),
});
export const UnitDetailOut = z.object({
  unit: UnitOut,
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  contacts: ContactsOut,
  /** Across the 2025 → 2026 reform: "Hình thành từ …" (predecessors) and "Nay thuộc …" (successors). */
  history: z.object({ formedFrom: z.array(HistoryRefOut), nowPartOf: z.array(HistoryRefOut) }),
});

export type HistoryRef = z.infer<typeof HistoryRefOut>;
export type Unit = z.infer<typeof UnitOut>;
export type UnitSearchHit = z.infer<typeof UnitSearchOut>['items'][number];
export type Contacts = z.infer<typeof ContactsOut>;
export type UnitDetail = z.infer<typeof UnitDetailOut>;
/** `current`: only the tree in force at the date; `all`: also the other editions, ranked after it. */
export type SearchEditions = z.infer<typeof SearchQuery>['editions'];
