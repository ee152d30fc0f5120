// Contract of the subscriber API (/api/units/:unitId/subscriber-lists, /api/subscriber-lists/*,
// /api/subscribers/*): list kinds, limits, request bodies and responses, shared by the server routes
// and the admin page.
import { z } from 'zod';
import { TELCOS } from '../sms/phone.ts';
import { RowMessage, SheetImportReportBase, sheetImportBody } from './sheet-import.ts';
import { labelledText as text } from './text.ts';

/** Kinds of subscriber list (danh sách thuê bao) a unit keeps. */
export const LIST_KINDS = ['can_bo_xa', 'truong_thon', 'ho_gia_dinh', 'khac'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_KIND_LABELS: Record<ListKind, string> = {
  can_bo_xa: 'Cán bộ xã',
  truong_thon: 'Trưởng thôn',
  ho_gia_dinh: 'Hộ gia đình đăng ký',
  khac: 'Khác',
};

/** Who opted a subscriber out: staff on the list, or the subscriber by replying a keyword (TU CHOI, HUY, STOP). */
export const OPT_OUT_SOURCES = ['staff', 'sms_keyword'] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];

export const SUBSCRIBER_LIMITS = {
  /** Largest import file (bytes). */
  fileBytes: 5 * 1024 * 1024,
  /** Most data rows in one import. */
  rows: 20_000,
  /** Row errors returned in one report (the count is always complete). */
  errorsShown: 200,
  pageSize: 100,
} as const;

export const UnitIdParams = z.object({ unitId: z.uuid({ error: 'mã đơn vị không hợp lệ' }) });
export const ListIdParams = z.object({ listId: z.uuid({ error: 'mã danh sách không hợp lệ' }) });
export const SubscriberIdParams = z.object({ subscriberId: z.uuid({ error: 'mã thuê bao không hợp lệ' }) });

export const ListsQuery = z.object({ subtree: z.enum(['0', '1']).default('0') });

export const CreateListBody = z.object({
  name: text(200, 'tên danh sách'),
  kind: z.enum(LIST_KINDS, { error: 'loại danh sách không hợp lệ' }),
  description: text(1000, 'mô tả').nullable().default(null),
});
export type CreateListInput = z.infer<typeof CreateListBody>;

export const UpdateListBody = z.object({
  name: text(200, 'tên danh sách').optional(),
  kind: z.enum(LIST_KINDS, { error: 'loại danh sách không hợp lệ' }).optional(),
  description: text(1000, 'mô tả').nullable().optional(),
});
export type UpdateListInput = z.infer<typeof UpdateListBody>;

export const ImportBody = sheetImportBody(SUBSCRIBER_LIMITS.fileBytes);
export type ImportInput = z.infer<typeof ImportBody>;

export const OptOutBody = z.object({ reason: text(500, 'lý do') });

export const SubscribersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SUBSCRIBER_LIMITS.pageSize).default(SUBSCRIBER_LIMITS.pageSize),
});

export const TelcoOut = z.enum(TELCOS);

export const ListCapabilities = z.object({
  /** Create lists, import, opt out (subscriber.write). */
  write: z.boolean(),
  /** Full phone numbers (subscriber.read); masked otherwise. */
  readPhones: z.boolean(),
});

export const SubscriberListOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  name: z.string(),
  kind: z.enum(LIST_KINDS),
  description: z.string().nullable(),
  subscribers: z.number().int(),
  optedOut: z.number().int(),
  updatedAt: z.string(),
  capabilities: ListCapabilities,
});
export type SubscriberListView = z.infer<typeof SubscriberListOut>;

export const ListsOut = z.object({ items: z.array(SubscriberListOut), capabilities: ListCapabilities });
export const OneListOut = z.object({ list: SubscriberListOut });

export const SubscriberOut = z.object({
  id: z.uuid(),
  listId: z.uuid(),
  fullName: z.string().nullable(),
  /** 0xxxxxxxxx, or masked (091****678) without subscriber.read. */
  phone: z.string(),
  telco: TelcoOut,
  village: z.string().nullable(),
  optedOut: z.boolean(),
  optOutSource: z.enum(OPT_OUT_SOURCES).nullable(),
  optOutReason: z.string().nullable(),
  optedOutAt: z.string().nullable(),
});
export type SubscriberView = z.infer<typeof SubscriberOut>;

export const SubscribersOut = z.object({ items: z.array(SubscriberOut), total: z.number().int(), capabilities: ListCapabilities });
export const OneSubscriberOut = z.object({ subscriber: SubscriberOut });

export const ImportReportOut = SheetImportReportBase.extend({
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows merged into an earlier row of the same file (same number). */
  mergedInFile: z.number().int(),
  /** Duplicate numbers merged, "Dòng 9 trùng số với dòng 4" (informational). */
  notes: z.array(RowMessage),
  byTelco: z.record(z.string(), z.number().int()),
  /** The first rows as they would be stored (phones masked without subscriber.read). */
  sample: z.array(
    z.object({
      line: z.number().int(),
      fullName: z.string().nullable(),
      phone: z.string(),
      telco: TelcoOut,
      village: z.string().nullable(),
      status: z.enum(['new', 'update', 'same']),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportOut>;
