// Typed client and shared state of the start page ("Việc cần làm", GET /api/todo).
// The shapes are the shared contract (src/shared/contracts/todo.ts); the response is checked against it.
// Pure module: no React, no DOM access at import time.
import { requestParsed } from '../../api.ts';
import { TODO_KINDS, TodoOut } from '../../../shared/contracts/todo.ts';
import type { TodoItem, TodoKind, TodoView } from '../../../shared/contracts/todo.ts';

export { TODO_KINDS };
export type { TodoItem, TodoKind, TodoView } from '../../../shared/contracts/todo.ts';

export async function getTodo(): Promise<TodoView> {
  return requestParsed(TodoOut, 'GET', '/api/todo');
}

/** Which menu entry each kind of work belongs to: the menu shows the sum beside the entry. */
export const MENU_OF_KIND: Record<TodoKind, string> = {
  draft_returned: '/outgoing',
  to_approve: '/outgoing',
  to_sign: '/outgoing',
  to_issue: '/outgoing',
  sms_to_approve: '/sms',
  bulletin_to_approve: '/bulletins',
  alert_to_publish: '/alerts',
  inbox_unacknowledged: '/inbox',
  inbox_unread: '/inbox',
  report_due: '/reports',
  report_late: '/reports',
  reports_missing: '/reports',
  question_pending: '/portal',
  social_inbox: '/social-inbox',
  rumor_overdue: '/rumors',
  rumor_to_approve: '/rumors',
  rumor_feed_new: '/rumors',
  device_offline: '/devices',
};
export const TODO_ROUTE = '/todo';

/** Counts per menu entry ("/todo" is the total). */
export function menuCounts(counts: Partial<Record<TodoKind, number>>): Record<string, number> {
  const out: Record<string, number> = { [TODO_ROUTE]: 0 };
  for (const k of TODO_KINDS) {
    const n = counts[k] ?? 0;
    const menu = MENU_OF_KIND[k];
    out[menu] = (out[menu] ?? 0) + n;
    out[TODO_ROUTE] = (out[TODO_ROUTE] ?? 0) + n;
  }
  return out;
}

/** Items grouped by kind, in the server's order, kinds without items left out. */
export function groupByKind(items: readonly TodoItem[]): { kind: TodoKind; items: TodoItem[] }[] {
  return TODO_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}

// One shared copy for the menu and the page: refreshed on navigation, so a step taken elsewhere
// (issuing, acknowledging, reporting) updates the counts the next time the user moves.
type Listener = () => void;
let current: TodoView | null = null;
let pending: Promise<TodoView> | null = null;
const listeners = new Set<Listener>();

export function todoSnapshot(): TodoView | null {
  return current;
}

export function subscribeTodo(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function refreshTodo(): Promise<TodoView> {
  pending ??= getTodo().then(
    (v) => {
      current = v;
      pending = null;
      for (const l of listeners) l();
      return v;
    },
    (e: unknown) => {
      pending = null;
      throw e;
    },
  );
  return pending;
}

/** Forget the copy (sign-out): the next user must not see the previous one's counts. */
export function clearTodo(): void {
  current = null;
  for (const l of listeners) l();
}
