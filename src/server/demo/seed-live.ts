import { createContainer } from '../container.ts';
import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import { CreateDirectiveBody } from '../modules/directives/index.ts';
import { MIN_FILL_MS } from '../modules/publishing/index.ts';
import { localDateKey, localToUtc, periodFor, periodsBetween } from '../modules/tasks/index.ts';
import type { DueRule } from '../modules/tasks/index.ts';
import { fixedClock } from '../platform/clock.ts';
import type { ProvinceWorld } from './seed-world.ts';

const DAY_MS = 86_400_000;
/** Earlier weeks of the weekly report, before the one open now. */
export const PAST_WEEKS = 4;

/** The date key `days` calendar days before (negative: after) a date key. */
export function shiftDay(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The services as they were at an earlier instant: past activity (a report sent last week, a
 * directive issued yesterday) goes through the same services and rules, with its real times.
 */
function servicesAt(c: Container, at: Date): Container['services'] {
  return createContainer({ database: c.database, clock: fixedClock(at), logger: c.logger, mailer: c.mailer, env: c.env }).services;
}

/** The office's people acting in the demo (created as accounts before the activity). */
export interface LiveActors {
  drafter: Actor;
  approver: Actor;
  clerk: Actor;
  /** Acts for a commune without a demo account (its reporter or clerk), recorded as the demo's own entry. */
  communeActor: (commune: { id: string; path: string }, role: 'reporter' | 'clerk') => Actor;
}

export interface LiveDemo {
  weeklyTaskId: string;
  reportDirectiveId: string;
  directiveId: string;
  acknowledged: string[];
  submissions: number;
}

/** Plausible weekly figures for a commune (index) in a week: they grow over the weeks. */
function weeklyFigures(i: number, week: number) {
  return {
    so_tin_bai: 3 + (i % 5) + week,
    do_dai_tin_bai: 25 + ((i * 7) % 30) + 5 * week,
    so_luot_phat_song: 6 + (i % 4) * 2 + week,
    uoc_so_nguoi_nghe: 800 + ((i * 137) % 1500) + 60 * week,
  };
}

/** Issues a công văn of the province's Sở VHTTDL through the workflow at an instant (its date is that day's). */
async function issueCongVan(c: Container, world: ProvinceWorld, a: LiveActors, at: Date, o: { subject: string; paragraphs: string[]; report?: string }) {
  const { directives } = servicesAt(c, at);
  const input = CreateDirectiveBody.parse({
    issuerUnitId: world.culture.id,
    issuerParent: `UBND TỈNH ${world.short.toUpperCase()}`,
    issuer: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
    docType: 'CV',
    symbol: 'SVHTTDL-TTBCXB',
    place: world.short,
    subject: o.subject,
    body: {
      opening: [{ kind: 'paragraph', runs: [{ text: `Sở Văn hóa, Thể thao và Du lịch tỉnh ${world.short} đề nghị UBND các xã, phường thực hiện một số nội dung sau:` }] }],
      sections: [
        ...o.paragraphs.map((p, i) => ({ number: String(i + 1), addressees: ['UBND các xã, phường'], blocks: [{ kind: 'paragraph', runs: [{ text: p }] }] })),
        ...(o.report ? [{ number: String(o.paragraphs.length + 1), addressees: ['UBND các xã, phường'], blocks: [{ kind: 'paragraph', runs: [{ text: o.report }] }] }] : []),
      ],
      closing: [{ kind: 'paragraph', runs: [{ text: 'Đề nghị các đơn vị quan tâm, phối hợp thực hiện./.' }] }],
    },
    addressees: ['UBND các xã, phường'],
    recipients: { units: [], groups: [world.groups.communes] },
    cc: [{ name: `UBND tỉnh ${world.short}`, purpose: 'de_bao_cao' }],
    archive: ['VT', 'TTBCXB'],
    signer: { authority: 'KT.', position: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
  });
  const created = await directives.createDirective(a.drafter, input);
  await directives.submitDirective(a.drafter, created.id);
  await directives.approveDirective(a.approver, created.id);
  await directives.signDirective(a.approver, created.id);
  return directives.issueDirective(a.clerk, created.id);
}

/**
 * What is going on in Lai Châu "now", relative to the clock at seed time (nothing here depends on
 * a fixed date): a weekly report task running since five weeks (this week's period open, due
 * Thursday 16:00) with earlier weeks reported by most communes; a directive issued yesterday to
 * every commune, acknowledged by some; and (in seedPortalDemo) figures up to today and a question
 * waiting for an answer.
 */
export async function seedLiveActivity(c: Container, world: ProvinceWorld, a: LiveActors, opts: { keepOpen: readonly string[] }): Promise<LiveDemo> {
  const now = c.clock.now();
  const today = localDateKey(now);
  const startKey = shiftDay(today, 7 * (PAST_WEEKS + 1));
  const keepOpen = new Set(opts.keepOpen);
  const communeRef = async (id: string) => {
    const row = await c.services.units.lookup.byId(id);
    if (!row) throw new Error(`demo commune ${id} is missing`);
    return { id: row.id, path: row.path };
  };

  // The công văn that asks for the weekly report, issued the day before the first week starts.
  const reportDay = shiftDay(startKey, 1);
  const reportDirective = await issueCongVan(c, world, a, localToUtc(reportDay, '09:00'), {
    subject: 'Tăng cường tuyên truyền phòng, chống dịch bệnh mùa đông xuân trên hệ thống thông tin cơ sở',
    paragraphs: [
      'Chỉ đạo đài truyền thanh cấp xã tăng thời lượng phát sóng tin, bài về phòng, chống dịch bệnh; tiếp sóng chương trình thời sự của Đài Truyền hình Việt Nam và Báo và Phát thanh, Truyền hình tỉnh.',
      'Cung cấp thông tin chính thống, kịp thời; không đăng tải, chia sẻ thông tin chưa được kiểm chứng trên mạng xã hội.',
    ],
    report: 'Báo cáo kết quả tuyên truyền (số lượng tin, bài; độ dài tin, bài; số lượt phát sóng; ước số người nghe) trước 16 giờ thứ Năm hằng tuần.',
  });
  const rule: DueRule = { kind: 'weekly', weekday: 4, time: '16:00', from: startKey, until: null };
  const { task } = await servicesAt(c, localToUtc(reportDay, '10:00')).tasks.createTask(a.drafter, {
    issuerUnitId: world.culture.id,
    directiveId: reportDirective.id,
    section: '3',
    title: 'Báo cáo kết quả tuyên truyền hằng tuần',
    description: 'Báo cáo kết quả tuyên truyền phòng, chống dịch bệnh trên hệ thống thông tin cơ sở, trước 16 giờ thứ Năm hằng tuần.',
    sourceRef: `Công văn số ${reportDirective.fullSymbol} ngày ${reportDay.split('-').reverse().join('/')} của Sở Văn hóa, Thể thao và Du lịch tỉnh ${world.short}`,
    dueRule: rule,
    reminderLeadMinutes: 1440,
    assignees: { unitIds: [], groupIds: [world.groups.communes], rules: [] },
    reportForm: { template: 'tuyen-truyen' },
  });

  // Earlier weeks: about three communes in four report, most the day before the deadline and a
  // few after it; each report goes through the tasks service at the time it arrived.
  let submissions = 0;
  const submit = async (at: Date, i: number, week: number, period: string) => {
    const commune = world.communes[i];
    if (!commune) return;
    const actor = a.communeActor(await communeRef(commune.id), 'reporter');
    await servicesAt(c, at).tasks.submitReport(actor, task.id, { unitId: commune.id, period, values: weeklyFigures(i, week) });
    submissions++;
  };
  const current = periodFor(rule, now);
  const past = periodsBetween(rule, localToUtc(startKey, '00:00'), now)
    .filter((p) => p.deadline < now && p.key !== current?.key)
    .slice(-PAST_WEEKS);
  for (const [week, p] of past.entries()) {
    for (let i = 0; i < world.communes.length; i++) {
      if ((i + week) % 4 === 0) continue;
      const late = (i + week) % 9 === 0;
      await submit(new Date(p.deadline.getTime() + (late ? 20 : -22) * 3_600_000), i, week, p.key);
    }
  }
  // This week's period is open: a few communes have reported already (never the demo accounts' own).
  if (current) {
    const at = new Date(Math.max(now.getTime() - 3_600_000, (current.start ?? now).getTime() + 60_000, now.getTime() - 6 * DAY_MS));
    for (let i = 0; i < Math.min(world.communes.length, 12); i += 3) {
      const commune = world.communes[i];
      if (commune && !keepOpen.has(commune.id)) await submit(new Date(Math.min(at.getTime(), now.getTime())), i, past.length, current.key);
    }
  }

  // Yesterday's directive to every commune and ward; some have acknowledged it (not the demo accounts' communes).
  const yesterday = shiftDay(today, 1);
  const directive = await issueCongVan(c, world, a, localToUtc(yesterday, '09:00'), {
    subject: 'Tuyên truyền bảo đảm an toàn giao thông, phòng chống cháy nổ dịp cuối năm',
    paragraphs: [
      'Phát trên đài truyền thanh cấp xã các tin, bài về bảo đảm an toàn giao thông, phòng chống cháy nổ, ít nhất 02 lần mỗi ngày.',
      'Treo băng rôn, khẩu hiệu tại trụ sở UBND xã, phường và nơi đông người.',
    ],
  });
  const acknowledged: string[] = [];
  const tracking = await c.services.directives.trackDirective(a.clerk, directive.id, { filter: 'all', limit: 1000, offset: 0 });
  const ackServices = servicesAt(c, localToUtc(yesterday, '14:30'));
  for (const [i, item] of tracking.items.entries()) {
    if (i % 3 !== 0 || keepOpen.has(item.unitId)) continue;
    await ackServices.inbox.acknowledgeInboxItem(a.communeActor(await communeRef(item.unitId), 'clerk'), item.itemId);
    acknowledged.push(item.unitId);
  }
  return { weeklyTaskId: task.id, reportDirectiveId: reportDirective.id, directiveId: directive.id, acknowledged, submissions };
}

/** A citizen's question from the portal form, waiting for an answer (the public form's own rules apply). */
export async function seedPendingQuestion(c: Container, sectionId: string, q: { name: string; question: string }) {
  // The form is signed when it is served and may only be sent some seconds later.
  const servedAt = new Date(c.clock.now().getTime() - 2 * MIN_FILL_MS - 60_000);
  const t = await servicesAt(c, servedAt).publishing.portal.formToken();
  return c.services.publishing.portal.submitQuestion({ sectionId, name: q.name, question: q.question, t, email: null, website: '' }, { ip: null });
}
