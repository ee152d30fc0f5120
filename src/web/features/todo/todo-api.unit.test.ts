import { describe, expect, it } from 'vitest';
import { groupByKind, menuCounts, TODO_KINDS, type TodoItem } from './todo-api.ts';
import { todoStrings } from './strings.ts';

const item = (kind: TodoItem['kind'], title: string): TodoItem => ({ kind, title, dueAt: null, href: '/admin/#/x', count: 1 });

describe('start page model', () => {
  it('sums the counts per menu entry, the start page itself getting the total', () => {
    expect(
      menuCounts({
        to_sign: 2,
        to_approve: 1,
        inbox_unacknowledged: 4,
        report_late: 1,
        question_pending: 3,
        device_offline: 2,
        social_inbox: 2,
        sms_to_approve: 1,
        bulletin_to_approve: 1,
        alert_to_publish: 1,
        rumor_overdue: 2,
        rumor_feed_new: 3,
      }),
    ).toEqual({
      '/todo': 23,
      '/outgoing': 3,
      '/inbox': 4,
      '/reports': 1,
      '/portal': 3,
      '/devices': 2,
      '/social-inbox': 2,
      '/sms': 1,
      '/bulletins': 1,
      '/alerts': 1,
      '/rumors': 5,
    });
  });

  it('groups items by kind in the fixed order and leaves empty kinds out', () => {
    const groups = groupByKind([item('report_due', 'b'), item('to_sign', 'a'), item('report_due', 'c')]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.title)])).toEqual([
      ['to_sign', ['a']],
      ['report_due', ['b', 'c']],
    ]);
  });

  it('names every kind in Vietnamese and English', () => {
    for (const lang of ['vi', 'en'] as const) for (const k of TODO_KINDS) expect(todoStrings(lang).kinds[k]).toBeTruthy();
    expect(todoStrings('vi').kinds.to_sign).toBe('Văn bản chờ ký');
  });
});
