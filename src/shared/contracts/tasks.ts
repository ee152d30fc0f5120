// Contract of the tasks and periodic-reports API (/api/tasks/*, /api/report-templates), shared by the
// server routes and the admin client: limits, deadline rules, indicators and report forms, request
// bodies and queries, and the response shapes the client checks.
import { z } from 'zod';
import { GroupRule } from './groups.ts';

/** Shared limits: the admin UI and the submission page use the same numbers. */
export const TASK_LIMITS = { title: 500, text: 4000, comment: 4000, links: 20, url: 1000, indicators: 50, assignees: 20000, option: 200 } as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
const dateKey = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ phải có dạng HH:MM (00:00–23:59)');

/** Deadline rule in Viet Nam time; the same shape as the parser's Schedule (without "relative"). */
export const DueRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), at: z.iso.datetime({ offset: true }) }),
    z.object({ kind: z.literal('daily'), time: hhmm, from: dateKey.nullish(), until: dateKey.nullish() }),
    z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(1).max(7), time: hhmm, from: dateKey.nullish(), until: dateKey.nullish() }),
    z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), time: hhmm, from: dateKey.nullish(), until: dateKey.nullish() }),
  ])
  .refine((r) => r.kind === 'once' || !r.from || !r.until || r.from <= r.until, { message: 'ngày bắt đầu phải trước ngày kết thúc', path: ['until'] });
export type DueRuleInput = z.infer<typeof DueRuleSchema>;

export const INDICATOR_TYPES = ['count', 'duration_minutes', 'people', 'percent', 'yes_no', 'text', 'url', 'choice'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const NUMERIC_TYPES: ReadonlySet<IndicatorType> = new Set(['count', 'duration_minutes', 'people', 'percent', 'yes_no']);

export const CHANNELS = ['commune_radio', 'loudspeaker', 'district_radio_tv', 'fanpage', 'zalo', 'led_board', 'leaflets', 'mobile_team'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  commune_radio: 'Đài truyền thanh cấp xã',
  loudspeaker: 'Loa thông báo thôn, bản',
  district_radio_tv: 'Đài Truyền thanh - Truyền hình huyện',
  fanpage: 'Trang Facebook (fanpage)',
  zalo: 'Zalo',
  led_board: 'Bảng điện tử LED',
  leaflets: 'Tờ rơi, áp phích',
  mobile_team: 'Đội thông tin lưu động',
};

export const AGGREGATIONS = ['sum', 'avg', 'max', 'latest'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  count: 'số lượng',
  duration_minutes: 'thời lượng (phút)',
  people: 'số người',
  percent: 'tỷ lệ (%)',
  yes_no: 'có/không',
  text: 'văn bản',
  url: 'đường dẫn',
  choice: 'lựa chọn',
};

/** The unit of measure a numeric figure is given in when the form does not name one. */
export const DEFAULT_UNITS: Record<IndicatorType, string | null> = {
  count: 'lượt',
  duration_minutes: 'phút',
  people: 'người',
  percent: '%',
  yes_no: null,
  text: null,
  url: null,
  choice: null,
};

export const IndicatorSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'mã chỉ tiêu: chữ thường không dấu, số, gạch dưới (tối đa 40 ký tự)'),
    label: text(200),
    type: z.enum(INDICATOR_TYPES),
    /** Unit of measure shown next to the figure ("phút", "lượt", "người"); default by type. */
    unit: text(30).nullish(),
    options: z.array(text(TASK_LIMITS.option)).max(50).optional(),
    aggregation: z.enum(AGGREGATIONS).optional(),
    /** Ask the figure per channel (the total is their sum). Numeric types only. */
    byChannel: z.boolean().default(false),
    required: z.boolean().default(false),
  })
  .refine((i) => i.type !== 'choice' || (i.options?.length ?? 0) >= 2, { message: 'chỉ tiêu lựa chọn cần ít nhất 2 phương án', path: ['options'] })
  .refine((i) => !i.byChannel || NUMERIC_TYPES.has(i.type), { message: 'chỉ chỉ tiêu dạng số mới chia theo kênh', path: ['byChannel'] })
  .transform((i) => ({
    ...i,
    unit: NUMERIC_TYPES.has(i.type) ? (i.unit ?? DEFAULT_UNITS[i.type]) : null,
    aggregation: NUMERIC_TYPES.has(i.type) ? (i.aggregation ?? (i.type === 'percent' ? 'avg' : 'sum')) : 'latest',
  }));
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ReportFormBody = z.union([
  z.object({ template: z.literal('tuyen-truyen') }),
  z.object({
    name: text(300),
    indicators: z
      .array(IndicatorSchema)
      .min(1)
      .max(TASK_LIMITS.indicators)
      .refine((l) => new Set(l.map((i) => i.key)).size === l.length, { message: 'mã chỉ tiêu bị trùng' }),
  }),
]);
export type ReportFormInput = z.infer<typeof ReportFormBody>;

export const AssigneesSchema = z
  .object({
    unitIds: z.array(z.uuid()).max(TASK_LIMITS.assignees).default([]),
    groupIds: z.array(z.uuid()).max(50).default([]),
    rules: z.array(GroupRule).max(20).default([]),
  })
  .refine((a) => a.unitIds.length + a.groupIds.length + a.rules.length > 0, { message: 'cần ít nhất một đơn vị thực hiện' });

export const CreateTaskBody = z.object({
  issuerUnitId: z.uuid(),
  title: text(TASK_LIMITS.title),
  section: z.string().trim().max(20).nullish(),
  description: text(TASK_LIMITS.text).nullish(),
  directiveId: z.uuid().nullish(),
  sourceRef: text(300).nullish(),
  dueRule: DueRuleSchema,
  reminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 14)
    .default(1440),
  assignees: AssigneesSchema,
  reportForm: ReportFormBody.optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskBody>;

export const TaskIdParams = z.object({ id: z.uuid() });
export const TaskUnitPeriodParams = z.object({ id: z.uuid(), unitId: z.uuid(), period: dateKey });
export const ListTasksQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const RangeQuery = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export const ProgressBody = z.object({
  status: z.enum(PROGRESS_STATUSES),
  evidence: z
    .object({
      text: text(TASK_LIMITS.text).nullish(),
      links: z
        .array(z.url({ protocol: /^https?$/ }).max(TASK_LIMITS.url))
        .max(TASK_LIMITS.links)
        .default([]),
    })
    .default({ links: [] }),
});
export type ProgressInput = z.infer<typeof ProgressBody>;

export const CommentBody = z.object({ unitId: z.uuid().nullish(), body: text(TASK_LIMITS.comment) });
export type CommentInput = z.infer<typeof CommentBody>;

/** Values are checked against the form's indicators by the service (messages per indicator). */
export const SubmitBody = z.object({
  unitId: z.uuid().optional(),
  period: dateKey.optional(),
  values: z.record(z.string().max(40), z.unknown()),
});
export type SubmitInput = z.infer<typeof SubmitBody>;
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional(),
});

export const RollupQuery = z.object({
  unitId: z.uuid().optional(),
  /** Period keys (local dates of deadlines); default: the last 8 periods up to now. */
  from: dateKey.optional(),
  to: dateKey.optional(),
  /**
   * 'today': for a task in a tree no longer in force, each old unit's figures summed into its
   * successor in the tree in force today (rows marked with the units they were formed from).
   */
  tree: z.enum(['task', 'today']).optional(),
});
export type RollupQueryInput = z.infer<typeof RollupQuery>;
export const ExportQuery = z.object({ unitId: z.uuid().optional(), period: dateKey.optional() });

// Responses

export const TASK_STATUS_LABELS = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
} as const;
export type CellStatus = keyof typeof TASK_STATUS_LABELS;
export const CELL_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const satisfies readonly CellStatus[];

/** A deadline rule as responses carry it (DueRuleSchema's shape, without the input checks). */
export const DueRuleOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once'), at: z.string() }),
  z.object({ kind: z.literal('daily'), time: z.string(), from: z.string().nullish(), until: z.string().nullish() }),
  z.object({ kind: z.literal('weekly'), weekday: z.number(), time: z.string(), from: z.string().nullish(), until: z.string().nullish() }),
  z.object({ kind: z.literal('monthly'), day: z.number(), time: z.string(), from: z.string().nullish(), until: z.string().nullish() }),
]);
export type DueRuleView = z.infer<typeof DueRuleOut>;

/** A period: its key (local date of the deadline), the deadline instant, and its name in words. */
export const PeriodOut = z.object({ key: z.string(), deadline: z.string(), label: z.string() });
export const UnitRefOut = z.object({ id: z.string(), code: z.string().nullable(), name: z.string() });
const UnitRef = UnitRefOut;
export const TaskOut = z.object({
  id: z.string(),
  issuerUnitId: z.string(),
  directiveId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  dueRule: z.unknown(),
  reminderLeadMinutes: z.number(),
  status: z.string(),
  createdAt: z.string(),
});
export const IndicatorOut = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  unit: z.string().nullable(),
  options: z.array(z.string()).optional(),
  aggregation: z.string(),
  byChannel: z.boolean(),
  required: z.boolean(),
});
export const ReportFormOut = z.object({ name: z.string(), indicators: z.array(IndicatorOut) });
export const TaskDetailOut = z.object({
  task: TaskOut,
  reportForm: ReportFormOut.nullable(),
  assignees: z.array(UnitRef),
  currentPeriod: PeriodOut.nullable(),
  previousPeriod: PeriodOut.nullable(),
  nextOpening: z.object({ opensAt: z.string(), text: z.string(), period: PeriodOut }).nullable(),
});
export const MatrixOut = z.object({
  periods: z.array(PeriodOut),
  rows: z.array(
    z.object({
      unit: UnitRef,
      cells: z.array(z.object({ period: z.string(), status: z.enum(CELL_STATUSES), label: z.string(), late: z.boolean() })),
    }),
  ),
});
export const SubmissionOut = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  period: z.string(),
  deadline: z.string(),
  values: z.record(z.string(), z.unknown()),
  revision: z.number(),
  late: z.boolean(),
  submittedBy: z.string().nullable(),
  onBehalfUnitId: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export const SubmissionDetailOut = z.object({
  submission: SubmissionOut,
  revisions: z.array(
    z.object({
      revision: z.number(),
      values: z.record(z.string(), z.unknown()),
      late: z.boolean(),
      submittedBy: z.string().nullable(),
      onBehalfUnitId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export const CommentOut = z.object({ id: z.string(), unitId: z.string().nullable(), authorName: z.string(), body: z.string(), createdAt: z.string() });
const Figure = z.object({ indicator: z.string(), value: z.union([z.number(), z.string()]).nullable(), reported: z.number() });
/**
 * The measured channel "Tin nhắn SMS (hệ thống ghi nhận)": what Loa itself recorded for the units'
 * subscribers in the period (never mixed into the reported figures). smsSent: messages that reached
 * the SMSC (accepted, or ambiguous: sent without an answer), plus those a telco reported having sent
 * for a telco request (telcoReported, a part of smsSent); smsDelivered: receipts saying delivered.
 */
export const MeasuredOut = z.object({ smsSent: z.number(), smsDelivered: z.number(), telcoReported: z.number() });
const RollupRow = z.object({
  unit: UnitRef,
  /** "Từ đơn vị cũ": the figures are those of the old units formedFrom (the today's-tree view). */
  mapped: z.boolean(),
  formedFrom: z.array(UnitRef),
  figures: z.array(Figure),
  expected: z.number(),
  reported: z.number(),
  late: z.number(),
  measured: MeasuredOut,
});
export const RollupOut = z.object({
  unit: UnitRef,
  /**
   * Which tree the rows are in, whether the task's tree is out of force today (tree=today offered),
   * and the roll-up's unit in the task's tree (what unitId, exports and drill-down refer to).
   */
  tree: z.object({ mode: z.enum(['task', 'today']), outOfForce: z.boolean(), taskUnit: UnitRef }),
  indicators: z.array(IndicatorOut),
  /** The trend: one entry per period, each with totals, coverage and one row per direct child unit. */
  periods: z.array(
    PeriodOut.extend({
      totals: z.array(Figure),
      coverage: z.object({ expected: z.number(), reported: z.number(), late: z.number() }),
      /** The measured channel over the rows shown (their sum). */
      measured: MeasuredOut,
      /** What units of the area in no row recorded (the province's own campaigns and telco requests, units not asked to report). */
      measuredOutside: MeasuredOut,
      rows: z.array(RollupRow),
    }),
  ),
  /** Late and missing units by name, for the last period of the range. */
  focus: z.object({ period: z.string(), lateUnits: z.array(UnitRef), missingUnits: z.array(UnitRef) }).nullable(),
});
export const NotificationOut = z.object({
  id: z.string(),
  taskId: z.string(),
  aboutUnitId: z.string(),
  period: z.string(),
  kind: z.string(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

// Response envelopes
export const TaskListOut = z.object({ items: z.array(TaskOut) });
export const TaskCreatedOut = z.object({ task: TaskOut, assignees: z.number() });
export const ReportFormSavedOut = z.object({ reportForm: ReportFormOut });
export const ProgressSavedOut = z.object({
  progress: z.object({ unitId: z.string(), period: z.string(), status: z.string(), evidence: z.unknown(), completedAt: z.string().nullable() }),
});
export const CommentListOut = z.object({ items: z.array(CommentOut) });
export const CommentCreatedOut = z.object({ comment: CommentOut });
export const SubmittedOut = z.object({ submission: SubmissionOut, replayed: z.boolean() });
export const NotificationListOut = z.object({ items: z.array(NotificationOut) });
export const ReportTemplatesOut = z.object({
  templates: z.array(z.object({ id: z.string(), name: z.string(), indicators: z.array(IndicatorOut) })),
  channels: z.array(z.object({ id: z.string(), label: z.string() })),
});

/** How prefilled figures are marked (issue #13 point 7): they come from what the devices played. */
export const PREFILL_SOURCE_LABEL = 'từ nhật ký phát';

/**
 * GET /api/tasks/:id/prefill/:unitId/:period: a unit's figures for a period from its devices' play logs
 * ([from, to): previous deadline to this one), for the indicators that have one (empty when nothing played).
 */
export const ReportPrefillOut = z.object({
  unitId: z.uuid(),
  period: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  source: z.literal('device_logs'),
  label: z.string(),
  values: z.record(z.string(), z.union([z.number(), z.object({ total: z.number(), channels: z.partialRecord(z.enum(CHANNELS), z.number()) })])),
});
export type ReportPrefillView = z.infer<typeof ReportPrefillOut>;
