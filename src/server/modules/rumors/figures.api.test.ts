import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildPortal, publishPost } from '../../../../test/builders/publishing.ts';
import type { Role } from '../access/index.ts';
import type { FiguresView } from '../../../shared/contracts/rumors-monitoring.ts';
import type { TodoView } from '../../../shared/contracts/todo.ts';
import { fileReport } from './reports.core.ts';
import type { ReportDraft } from './reports.core.ts';

/** Tuesday 1 December 2026, 09:00 in Viet Nam. */
const NOW = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** The desk's figures by channel and period (issue #15 point 6) and its start-page kinds (rumor_overdue, rumor_to_approve, rumor_feed_new). */
describe('rumors figures and start page [pglite]', () => {
  let t: TestContext;
  let deskId: string;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'other', Session>> = {};
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const get = (who: keyof typeof s, url: string) => t.app.inject({ method: 'GET', url, headers: s[who]!.headers });
  const exec = (q: ReturnType<typeof sql>) => t.c.database.db.execute(q);
  const file = async (draft: Omit<ReportDraft, 'urls'>, at: Date) => (await t.c.database.db.transaction((tx) => fileReport(tx, { urls: [], ...draft }, at))).kase.id;

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
    const p = await buildPortal(t.c);
    deskId = p.sttt.id;
    const make = async (roles: Role[], unitId = deskId) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.drafter = await make(['drafter']);
    s.approver = await make(['approver']);
    s.viewer = await make(['viewer']);
    s.other = await make(['desk_lead'], p.syt.id);

    // A: from the portal 10 days ago, concluded 2 days ago, handed to the police (just after midnight in Viet Nam today), corrected today.
    ids.a = await file({ unitId: deskId, channel: 'portal', description: 'Clip hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu Ma Lù Thàng' }, ago(10));
    // B: from monitoring 3 days ago, critical (6 h to respond): overdue; a second report by the social inbox yesterday.
    ids.b = await file({ unitId: deskId, channel: 'monitoring', description: 'Tin đồn cắt điện toàn tỉnh ba ngày liên tiếp' }, ago(3));
    await file({ unitId: deskId, channel: 'social', description: 'Có phải sắp cắt điện cả tỉnh không?', caseId: ids.b }, ago(1));
    // C: staff entry 40 days ago (before the default range), its conclusion proposed and waiting for the leader.
    ids.c = await file({ unitId: deskId, channel: 'staff', description: 'Thông tin sai về giá vé tham quan bảo tàng tỉnh' }, ago(40));
    // D: another desk's case.
    ids.d = await file({ unitId: p.syt.id, channel: 'portal', description: 'Tin giả về vắc xin ở bệnh viện tỉnh' }, ago(5));

    const post = await publishPost(t.app, p.editor.session.headers, {
      sectionId: p.news.id,
      title: 'Đính chính: không có hàng dài người tại cửa khẩu',
      body: 'Thông tin sai sự thật.',
    });
    await exec(
      sql`UPDATE rumor_cases SET status = 'concluded', verdict = 'false', conclusion_state = 'approved', approved_at = ${ago(2)}, correction_post_id = ${post.id} WHERE id = ${ids.a}`,
    );
    await exec(sql`INSERT INTO rumor_actions (id, case_id, kind, state, created_at) VALUES (${randomUUID()}, ${ids.a}, 'police', 'open', ${new Date('2026-11-30T17:30:00Z')})`);
    await exec(sql`UPDATE rumor_cases SET severity = 'critical', respond_by = ${new Date(ago(3).getTime() + 6 * 3_600_000)} WHERE id = ${ids.b}`);
    await exec(
      sql`UPDATE rumor_cases SET conclusion_state = 'proposed', verdict = 'false', proposed_at = ${ago(1)}, respond_by = ${new Date(NOW.getTime() + DAY)} WHERE id = ${ids.c}`,
    );
    await exec(sql`UPDATE rumor_cases SET respond_by = ${ago(1)} WHERE id = ${ids.d}`);
    const feedId = randomUUID();
    await exec(sql`INSERT INTO rumor_feeds (id, unit_id, name, url) VALUES (${feedId}, ${deskId}, 'Báo', 'http://127.0.0.1:9/rss.xml')`);
    await exec(sql`INSERT INTO rumor_feed_items (id, feed_id, unit_id, guid, title, state) VALUES
      (${randomUUID()}, ${feedId}, ${deskId}, 'g1', 'Tin 1', 'new'), (${randomUUID()}, ${feedId}, ${deskId}, 'g2', 'Tin 2', 'new'), (${randomUUID()}, ${feedId}, ${deskId}, 'g3', 'Tin 3', 'dismissed')`);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('counts received, verified, corrected and handed to the police per channel and per day (Viet Nam calendar), for the desk subtree only', async () => {
    const res = await get('viewer', '/api/rumors/figures');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FiguresView;
    expect(f).toMatchObject({ unitId: deskId, from: '2026-11-02', to: '2026-12-01', bucket: 'day', totals: { received: 2, verified: 1, corrected: 1, police: 1 } });
    expect(f.byChannel).toEqual([
      { channel: 'portal', reports: 1, received: 1, verified: 1, corrected: 1, police: 1 },
      { channel: 'social', reports: 1, received: 0, verified: 0, corrected: 0, police: 0 },
      { channel: 'staff', reports: 0, received: 0, verified: 0, corrected: 0, police: 0 },
      { channel: 'monitoring', reports: 1, received: 1, verified: 0, corrected: 0, police: 0 },
    ]);
    expect(f.periods).toHaveLength(30);
    const nonZero = f.periods.filter((p) => p.received + p.verified + p.corrected + p.police > 0);
    expect(nonZero).toEqual([
      { start: '2026-11-21', received: 1, verified: 0, corrected: 0, police: 0 },
      { start: '2026-11-28', received: 1, verified: 0, corrected: 0, police: 0 },
      { start: '2026-11-29', received: 0, verified: 1, corrected: 0, police: 0 },
      // 17:30 UTC on the 30th is 00:30 on 1 December in Viet Nam.
      { start: '2026-12-01', received: 0, verified: 0, corrected: 1, police: 1 },
    ]);
  });

  it('weeks start on Monday, months on the 1st; a range reaches back to older cases', async () => {
    const w = (await get('viewer', '/api/rumors/figures?bucket=week')).json() as FiguresView;
    expect(w.periods.map((p) => [p.start, p.received, p.verified, p.corrected + p.police])).toEqual([
      ['2026-11-02', 0, 0, 0],
      ['2026-11-09', 0, 0, 0],
      ['2026-11-16', 1, 0, 0],
      ['2026-11-23', 1, 1, 0],
      ['2026-11-30', 0, 0, 2],
    ]);
    const m = (await get('viewer', `/api/rumors/figures?bucket=month&from=2026-10-15&to=2026-12-01&unitId=${deskId}`)).json() as FiguresView;
    expect(m.periods.map((p) => [p.start, p.received])).toEqual([
      ['2026-10-01', 1],
      ['2026-11-01', 2],
      ['2026-12-01', 0],
    ]);
    expect(m.byChannel.find((c) => c.channel === 'staff')).toMatchObject({ received: 1, reports: 1 });
  });

  it('refuses another unit (404), a reversed or too long range (400, Vietnamese)', async () => {
    expect((await get('other', `/api/rumors/figures?unitId=${deskId}`)).statusCode).toBe(404);
    const mine = (await get('other', '/api/rumors/figures')).json() as FiguresView;
    expect(mine.totals.received).toBe(1);
    const reversed = await get('viewer', '/api/rumors/figures?from=2026-12-01&to=2026-11-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: { code: 'RUMOR_FIGURES_RANGE', message: expect.stringContaining('Khoảng thời gian không hợp lệ') } });
    expect((await get('viewer', '/api/rumors/figures?from=2020-01-01&to=2026-12-01')).statusCode).toBe(400);
    expect((await get('viewer', '/api/rumors/figures?from=2020-01-01&to=2026-12-01&bucket=month')).statusCode).toBe(200);
    expect((await get('viewer', '/api/rumors/figures?from=2026-13-01')).statusCode).toBe(400);
  });

  describe('start page (GET /api/todo)', () => {
    const todo = async (who: keyof typeof s) => {
      const res = await get(who, '/api/todo');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TodoView;
    };
    const rumorItems = (v: TodoView) => v.items.filter((i) => i.kind.startsWith('rumor_'));

    it('rumor_overdue for rumor.write holders, rumor_to_approve for rumor.approve holders, rumor_feed_new with the count; nothing for a viewer or another unit', async () => {
      const drafter = await todo('drafter');
      expect(rumorItems(drafter)).toEqual([
        {
          kind: 'rumor_overdue',
          title: expect.stringMatching(/^VV-2026-\d{4} — Tin đồn cắt điện/),
          dueAt: new Date(ago(3).getTime() + 6 * 3_600_000).toISOString(),
          href: `/admin/#/rumors/${ids.b}`,
          count: 1,
        },
        { kind: 'rumor_feed_new', title: '2 tin từ nguồn theo dõi khớp từ khóa', dueAt: null, href: '/admin/#/rumors/monitoring', count: 2 },
      ]);
      expect(drafter.counts).toMatchObject({ rumor_overdue: 1, rumor_to_approve: 0, rumor_feed_new: 2 });
      const approver = await todo('approver');
      expect(rumorItems(approver).map((i) => [i.kind, i.href])).toEqual([
        ['rumor_overdue', `/admin/#/rumors/${ids.b}`],
        ['rumor_to_approve', `/admin/#/rumors/${ids.c}`],
        ['rumor_feed_new', '/admin/#/rumors/monitoring'],
      ]);
      expect(rumorItems(await todo('viewer'))).toEqual([]);
      const other = await todo('other');
      expect(rumorItems(other).map((i) => [i.kind, i.href])).toEqual([['rumor_overdue', `/admin/#/rumors/${ids.d}`]]);
    });
  });
});
