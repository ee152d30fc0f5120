// Contract of GET /api/todo, shared by the server (route schema) and the admin UI (response check).
import { z } from 'zod';

/**
 * What can wait for someone, in the order the start page ("Việc cần làm") lists them. Each kind
 * belongs to the admin area where the work is done (see the `area` of TODO_KINDS).
 */
export const TODO_KINDS = [
  'draft_returned',
  'to_approve',
  'to_sign',
  'to_issue',
  'sms_to_approve',
  'bulletin_to_approve',
  'alert_to_publish',
  'inbox_unacknowledged',
  'inbox_unread',
  'report_due',
  'report_late',
  'reports_missing',
  'question_pending',
  'social_inbox',
  'rumor_overdue',
  'rumor_to_approve',
  'rumor_feed_new',
  'device_offline',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** Items listed per kind at most; `counts` says how many there are in all. */
export const TODO_LIMIT_PER_KIND = 50;

export const TodoItemOut = z.object({
  kind: z.enum(TODO_KINDS),
  /** What the item is about: a directive's number and subject, a task's title, a question. */
  title: z.string(),
  /** The deadline when there is one (reports), ISO 8601. */
  dueAt: z.string().nullable(),
  /** Where the work is done: an admin route (/admin/#/…). */
  href: z.string(),
  /** How many things the item stands for: missed periods, units that have not reported; else 1. */
  count: z.number().int(),
});
export type TodoItem = z.infer<typeof TodoItemOut>;

export const TodoOut = z.object({
  items: z.array(TodoItemOut),
  /** Per kind, how many items there are (the list stops at TODO_LIMIT_PER_KIND of each). */
  counts: z.record(z.enum(TODO_KINDS), z.number().int()),
});
export type TodoView = z.infer<typeof TodoOut>;
