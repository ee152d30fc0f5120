import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import type { AlertsService } from '../alerts/index.ts';
import type { BroadcastsService } from '../broadcasts/index.ts';
import type { BulletinsService } from '../bulletins/index.ts';
import type { DeviceHealthService } from '../devices/index.ts';
import type { AwaitedStep, DirectiveSummary, DirectivesService, InboxService } from '../directives/index.ts';
import type { PublishingService } from '../publishing/index.ts';
import type { FiguresService as RumorWork, MonitoringService as RumorMonitoring } from '../rumors/index.ts';
import type { InboxService as SocialInboxService } from '../social/index.ts';
import type { TasksService } from '../tasks/index.ts';
import { DEVICE_LIMITS } from '../../../shared/contracts/devices.ts';
import { TODO_KINDS, TODO_LIMIT_PER_KIND } from '../../../shared/contracts/todo.ts';
import type { TodoItem, TodoKind, TodoView } from '../../../shared/contracts/todo.ts';

const ADMIN = '/admin/#';
const STEP_KIND: Record<AwaitedStep, TodoKind> = { redraft: 'draft_returned', approve: 'to_approve', sign: 'to_sign', issue: 'to_issue' };
const QUESTION_TITLE_MAX = 120;

function directiveTitle(d: DirectiveSummary): string {
  return d.number ? `${d.fullSymbol} — ${d.subject}` : d.subject;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export interface TodoDeps {
  directives: Pick<DirectivesService, 'listAwaitingSteps'>;
  inbox: Pick<InboxService, 'listPending'>;
  tasks: Pick<TasksService, 'listReportWork'>;
  publishing: Pick<PublishingService, 'listQuestions'>;
  deviceHealth: Pick<DeviceHealthService, 'alertedFor'>;
  socialInbox: Pick<SocialInboxService, 'waitingFor'>;
  broadcasts: Pick<BroadcastsService, 'listBroadcasts'>;
  bulletins: Pick<BulletinsService, 'listBulletins'>;
  alerts: Pick<AlertsService, 'listAlerts'>;
  rumorWork: Pick<RumorWork, 'waitingFor'>;
  rumorMonitoring: Pick<RumorMonitoring, 'newItemsFor'>;
}

/**
 * The start page ("Việc cần làm"): asks each module what waits for the signed-in user. Every
 * module applies its own scope and permissions (a viewer is asked to sign nothing; another unit's
 * work never shows), so this module only gathers, orders and counts.
 */
export function createTodoService(deps: TodoDeps) {
  return {
    async listTodo(a: Actor): Promise<TodoView> {
      const limit = TODO_LIMIT_PER_KIND;
      // The channels' messages submitted in the actor's own unit wait for one who may approve there.
      const approves = can(a, 'broadcast.approve', { unitPath: a.unitPath });
      const own = { unitId: a.unitId };
      const [steps, inbox, reports, questions, offline, social, sms, bulletins, alerts, rumors, feedNew] = await Promise.all([
        deps.directives.listAwaitingSteps(a, limit),
        deps.inbox.listPending(a, limit),
        deps.tasks.listReportWork(a),
        deps.publishing.listQuestions(a, 'pending'),
        deps.deviceHealth.alertedFor(a, DEVICE_LIMITS.offlineShown),
        deps.socialInbox.waitingFor(a, limit),
        approves ? deps.broadcasts.listBroadcasts(a, { ...own, status: 'submitted' }) : [],
        approves ? deps.bulletins.listBulletins(a, { ...own, status: 'submitted' }) : [],
        approves ? deps.alerts.listAlerts(a, { ...own, phase: 'submitted' }) : [],
        deps.rumorWork.waitingFor(a, limit),
        deps.rumorMonitoring.newItemsFor(a),
      ]);
      const counts = Object.fromEntries(TODO_KINDS.map((k) => [k, 0])) as Record<TodoKind, number>;
      const items: TodoItem[] = [];
      const add = (kind: TodoKind, total: number, list: Omit<TodoItem, 'kind'>[]) => {
        counts[kind] += total;
        for (const x of list.slice(0, limit)) items.push({ kind, ...x });
      };

      for (const s of steps) {
        add(
          STEP_KIND[s.step],
          s.total,
          s.items.map((d) => ({ title: directiveTitle(d), dueAt: null, href: `${ADMIN}/outgoing/${d.id}`, count: 1 })),
        );
      }
      add(
        'sms_to_approve',
        sms.length,
        sms.map((b) => ({ title: b.title, dueAt: null, href: `${ADMIN}/sms/${b.id}`, count: 1 })),
      );
      add(
        'bulletin_to_approve',
        bulletins.length,
        bulletins.map((b) => ({ title: b.title, dueAt: null, href: `${ADMIN}/bulletins/${b.id}`, count: 1 })),
      );
      add(
        'alert_to_publish',
        alerts.length,
        alerts.map((x) => ({ title: x.headline, dueAt: null, href: `${ADMIN}/alerts/${x.id}`, count: 1 })),
      );
      if (inbox) {
        add(
          inbox.filter === 'unacknowledged' ? 'inbox_unacknowledged' : 'inbox_unread',
          inbox.total,
          inbox.items.map((i) => ({ title: `${directiveTitle(i.directive)} (${i.directive.issuer})`, dueAt: null, href: `${ADMIN}/inbox/${i.itemId}`, count: 1 })),
        );
      }
      const taskHref = (taskId: string) => `${ADMIN}/reports/${taskId}`;
      add(
        'report_due',
        reports.due.length,
        reports.due.map((r) => ({ title: r.task.title, dueAt: r.period.deadline, href: taskHref(r.task.id), count: 1 })),
      );
      add(
        'report_late',
        reports.late.length,
        reports.late.map((r) => ({ title: r.task.title, dueAt: r.period.deadline, href: taskHref(r.task.id), count: r.missed })),
      );
      add(
        'reports_missing',
        reports.silent.length,
        reports.silent.map((r) => ({ title: r.task.title, dueAt: r.period.deadline, href: taskHref(r.task.id), count: r.missing })),
      );
      add(
        'question_pending',
        questions.length,
        questions.map((q) => ({ title: shorten(`${q.name}: ${q.question}`, QUESTION_TITLE_MAX), dueAt: null, href: `${ADMIN}/portal/questions`, count: 1 })),
      );

      // Citizens' messages and comments on the unit's pages, not taken yet or assigned to this user.
      add(
        'social_inbox',
        social.total,
        social.items.map((m) => ({ title: shorten(`${m.accountName}: ${m.text}`, QUESTION_TITLE_MAX), dueAt: null, href: `${ADMIN}/social-inbox/${m.id}`, count: 1 })),
      );

      // The misinformation desk: cases past their response deadline (rumor.write), conclusions to approve
      // (rumor.approve), and the monitored items waiting for review in the actor's unit (one item with the count).
      add(
        'rumor_overdue',
        rumors.overdue.total,
        rumors.overdue.rows.map((c) => ({ title: `${c.code} — ${c.title}`, dueAt: c.respondBy?.toISOString() ?? null, href: `${ADMIN}/rumors/${c.id}`, count: 1 })),
      );
      add(
        'rumor_to_approve',
        rumors.toApprove.total,
        rumors.toApprove.rows.map((c) => ({ title: `${c.code} — ${c.title}`, dueAt: c.respondBy?.toISOString() ?? null, href: `${ADMIN}/rumors/${c.id}`, count: 1 })),
      );
      if (feedNew > 0)
        add('rumor_feed_new', feedNew, [{ title: `${feedNew} tin từ nguồn theo dõi khớp từ khóa`, dueAt: null, href: `${ADMIN}/rumors/monitoring`, count: feedNew }]);

      // Devices whose commune was alerted: silent longer than the setting, not heard from since.
      add(
        'device_offline',
        offline.length,
        offline.map((d) => ({ title: `${d.name}${d.village ? ` (${d.village})` : ''} — ${d.unitName}`, dueAt: null, href: `${ADMIN}/devices`, count: 1 })),
      );

      const order = new Map(TODO_KINDS.map((k, i) => [k, i]));
      items.sort((x, y) => (order.get(x.kind) ?? 0) - (order.get(y.kind) ?? 0));
      return { items, counts };
    },
  };
}

export type TodoService = ReturnType<typeof createTodoService>;
