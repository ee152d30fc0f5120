import ExcelJS from 'exceljs';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, createTestContext, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { auditEvents, jobs, reportRevisions, taskNotifications } from '../../db/schema/index.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Role } from '../access/index.ts';

const P1 = '2021-02-04';
const P2 = '2021-02-11';
const figures = (n: number) => ({ so_tin_bai: n, do_dai_tin_bai: n * 10, so_luot_phat_song: n * 2, uoc_so_nguoi_nghe: n * 100 });

describeEachDb('tasks and periodic reports', (kind) => {
  let t: TestContext;
  let mailer: ReturnType<typeof memoryMailer>;
  let communes: { id: string; name: string; code: string | null }[];
  let drafter: Session;
  let districtReporter: Session;
  let reporterA: Session;
  let reporterB: Session;
  let outsider: Session;
  let admin: Session;
  let taskId: string;
  const A = TT_TAM_DUONG;
  let B: string;
  let C: string;
  let D: string;

  const post = (s: Session, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...s.headers, ...headers } });
  const get = (s: Session | null, url: string) => t.app.inject({ url, headers: s?.headers ?? {} });
  const usernames = new Map<string, string>();
  /** Moves the clock and signs everyone in again (sessions last 12 hours). */
  async function at(iso: string): Promise<void> {
    t.clock.set(new Date(iso));
    drafter = await signIn(t.c, usernames.get('drafter')!);
    districtReporter = await signIn(t.c, usernames.get('districtReporter')!);
    reporterA = await signIn(t.c, usernames.get('reporterA')!);
    reporterB = await signIn(t.c, usernames.get('reporterB')!);
    outsider = await signIn(t.c, usernames.get('outsider')!);
    admin = await signIn(t.c, usernames.get('admin')!);
  }
  const submit = (s: Session, body: Record<string, unknown>, key?: string) => post(s, `/api/tasks/${taskId}/submissions`, body, key ? { 'idempotency-key': key } : {});

  beforeAll(async () => {
    mailer = memoryMailer();
    t = await createTestContext(kind, { mailer, now: new Date('2021-02-03T03:00:00Z') });
    await importLaiChau(t.c);
    communes = (await t.c.services.units.listChildren(SYSTEM_ACTOR, TAM_DUONG, '2021-02-01')).filter((u) => u.kind === 'commune');
    const others = communes.filter((u) => u.id !== A);
    [B, C, D] = others.map((u) => u.id) as [string, string, string];
    const make = async (name: string, unitId: string, roles: Role[]) => usernames.set(name, (await buildUser(t.c, { unitId, roles })).username);
    await make('drafter', TAM_DUONG, ['drafter']);
    await make('districtReporter', TAM_DUONG, ['reporter']);
    await make('reporterA', A, ['reporter']);
    await make('reporterB', B, ['reporter']);
    await make('outsider', TT_MUONG_TE, ['reporter', 'drafter']);
    await make('admin', LAI_CHAU, ['viewer']);
    await at('2021-02-03T03:00:00Z');
    await t.c.services.units.updateContacts(SYSTEM_ACTOR, D, { emails: ['xa-d@tamduong.test'], phones: [], address: null, website: null });
    await t.c.services.units.updateContacts(SYSTEM_ACTOR, TAM_DUONG, { emails: ['vhtt@tamduong.test'], phones: [], address: null, website: null });

    // Seed 002, section 3: every commune of Tam Đường reports weekly on Thursday 16:00 in February 2021.
    const res = await post(drafter, '/api/tasks', {
      issuerUnitId: TAM_DUONG,
      title: 'Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021',
      section: '3',
      sourceRef: 'Công văn số 35/VHTT ngày 02/02/2021 của Phòng Văn hóa và Thông tin huyện Tam Đường',
      directiveId: '5b0a4d9e-2f7a-4a55-9d55-0d4b8a0e2c11',
      dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
      assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
      reportForm: { template: 'tuyen-truyen' },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = (res.json() as { task: { id: string } }).task.id;
    expect((res.json() as { assignees: number }).assignees).toBe(communes.length);
  });
  afterAll(() => t.close());

  it('shows the task with its form and the current period to an assigned commune', async () => {
    const res = await get(reporterA, `/api/tasks/${taskId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { reportForm: { indicators: { key: string; type: string }[] }; assignees: { id: string }[]; currentPeriod: { key: string; deadline: string } };
    expect(body.reportForm.indicators.map((i) => i.type)).toEqual(['count', 'duration_minutes', 'count', 'people']);
    expect(body.assignees.map((a) => a.id)).toEqual([A]); // a commune sees only itself
    expect(body.currentPeriod).toEqual({ key: P1, deadline: '2021-02-04T09:00:00.000Z', label: 'Tuần 06/2021 (hạn 16:00 thứ Năm, 04/02/2021)' });
  });

  it('marks 15:59 on time and 16:01 late for a 16:00 deadline, and locks editing after it', async () => {
    await at('2021-02-04T08:59:00Z'); // 15:59 in Viet Nam
    const onTime = await submit(reporterA, { values: figures(3) });
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json()).toMatchObject({ submission: { period: P1, late: false, revision: 1, unitId: A }, replayed: false });

    await at('2021-02-04T09:01:00Z'); // 16:01
    const late = await submit(reporterB, { period: P1, values: figures(5) });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ submission: { period: P1, late: true } });

    const edit = await submit(reporterA, { period: P1, values: figures(4) });
    expect(edit.statusCode).toBe(409);
    expect((edit.json() as { error: { code: string } }).error.code).toBe('REPORT_LOCKED');
  });

  it('lets a district reporter submit on behalf of a commune, recorded and audited', async () => {
    await at('2021-02-04T08:00:00Z');
    const res = await submit(districtReporter, { unitId: C, period: P1, values: figures(2) });
    expect(res.statusCode, res.body).toBe(201);
    const s = (res.json() as { submission: { id: string; onBehalfUnitId: string; unitId: string } }).submission;
    expect(s).toMatchObject({ unitId: C, onBehalfUnitId: TAM_DUONG });
    const [event] = await t.c.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, s.id), eq(auditEvents.action, 'report.submit')));
    expect(event?.after).toMatchObject({ onBehalfOfUnitId: C, submittedByUnitId: TAM_DUONG });
  });

  it('keeps the full history of edits before the deadline', async () => {
    await at('2021-02-04T08:30:00Z');
    const res = await submit(districtReporter, { unitId: C, period: P1, values: figures(6) });
    expect(res.json()).toMatchObject({ submission: { revision: 2, values: figures(6) } });
    const detail = await get(districtReporter, `/api/tasks/${taskId}/submissions/${C}/${P1}`);
    expect(detail.statusCode).toBe(200);
    const revs = (detail.json() as { revisions: { revision: number; values: { so_tin_bai: number } }[] }).revisions;
    expect(revs.map((r) => [r.revision, r.values.so_tin_bai])).toEqual([
      [1, 2],
      [2, 6],
    ]);
  });

  it('answers concurrent retries with one Idempotency-Key with one record, counted once', async () => {
    await at('2021-02-10T03:00:00Z');
    const key = 'retry-0f7c6b2e-a1';
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(reporterA, { values: figures(7) }, key)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(results.map((r) => (r.json() as { submission: { id: string } }).submission.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const revs = await t.c.database.db.select().from(reportRevisions).where(eq(reportRevisions.submissionId, id!));
    expect(revs).toHaveLength(1);
    // The same key with another body is refused; a new key is a real edit.
    expect((await submit(reporterA, { values: figures(8) }, key)).statusCode).toBe(422);
    expect((await submit(reporterA, { values: figures(8) }, 'another-key-1')).json()).toMatchObject({ submission: { revision: 2, period: P2 } });
  });

  it('explains invalid figures per indicator in Vietnamese', async () => {
    const res = await submit(reporterA, { values: { so_tin_bai: 'nhiều', do_dai_tin_bai: -1, so_luot_phat_song: 2 } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('REPORT_INVALID');
    expect(body.error.issues.map((i) => i.message)).toEqual([
      'Số lượng tin, bài: phải là một số',
      'Độ dài tin, bài: không được âm',
      'Ước số lượng người nghe: chưa nhập (bắt buộc)',
    ]);
    expect((await submit(reporterA, { period: '2021-02-05', values: figures(1) })).json()).toMatchObject({ error: { code: 'REPORT_PERIOD_INVALID' } });
  });

  describe('attacker checks', () => {
    it('commune A can neither read nor submit for commune B', async () => {
      await at('2021-02-10T03:00:00Z');
      expect((await get(reporterA, `/api/tasks/${taskId}/submissions/${B}/${P1}`)).statusCode).toBe(404);
      const res = await submit(reporterA, { unitId: B, values: figures(1) });
      expect(res.statusCode).toBe(404);
      expect((await get(reporterA, `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}`)).statusCode).toBe(404);
      expect((await get(reporterA, `/api/tasks/${taskId}/rollup.xlsx?unitId=${TAM_DUONG}&period=${P1}`)).statusCode).toBe(404);
      const matrix = (await get(reporterA, `/api/tasks/${taskId}/matrix`)).json() as { rows: { unit: { id: string } }[] };
      expect(matrix.rows.map((r) => r.unit.id)).toEqual([A]);
    });

    it('a child cannot submit on behalf of its parent, nor a unit outside the tree for anyone', async () => {
      expect((await submit(reporterA, { unitId: TAM_DUONG, values: figures(1) })).statusCode).toBe(404);
      expect((await get(outsider, `/api/tasks/${taskId}`)).statusCode).toBe(404);
      expect((await submit(outsider, { unitId: A, values: figures(1) })).statusCode).toBe(404);
      expect((await submit(outsider, { values: figures(1) })).statusCode).toBe(404);
      expect((await get(outsider, `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}`)).statusCode).toBe(404);
    });

    it('refuses anonymous callers, missing CSRF tokens, and task creation by a reporter', async () => {
      expect((await get(null, `/api/tasks/${taskId}`)).statusCode).toBe(401);
      const noCsrf = await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/submissions`, payload: { values: figures(1) }, headers: { cookie: reporterA.cookie } });
      expect(noCsrf.statusCode).toBe(403);
      const create = await post(reporterA, '/api/tasks', {
        issuerUnitId: A,
        title: 'x',
        dueRule: { kind: 'daily', time: '16:00' },
        assignees: { unitIds: [A] },
      });
      expect(create.statusCode).toBe(403);
    });
  });

  it('rolls up a district: sums, coverage, late and missing units by name', async () => {
    const res = await get(drafter, `/api/tasks/${taskId}/rollup?unitId=${TAM_DUONG}&from=${P1}&to=${P1}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      periods: {
        key: string;
        totals: { indicator: string; value: number }[];
        coverage: { expected: number; reported: number; late: number };
        rows: { unit: { id: string }; figures: { value: number | null }[]; reported: number }[];
      }[];
      focus: { lateUnits: { id: string }[]; missingUnits: { id: string; name: string }[] };
    };
    const [p] = body.periods;
    // A: 3 (on time), B: 5 (late), C: 6 (on behalf, revised)
    expect(p?.totals).toEqual([
      { indicator: 'so_tin_bai', value: 14, reported: 3 },
      { indicator: 'do_dai_tin_bai', value: 140, reported: 3 },
      { indicator: 'so_luot_phat_song', value: 28, reported: 3 },
      { indicator: 'uoc_so_nguoi_nghe', value: 1400, reported: 3 },
    ]);
    expect(p?.coverage).toEqual({ expected: communes.length, reported: 3, late: 1 });
    expect(p?.rows).toHaveLength(communes.length);
    expect(p?.rows.find((r) => r.unit.id === B)?.figures[0]?.value).toBe(5);
    expect(body.focus.lateUnits.map((u) => u.id)).toEqual([B]);
    expect(body.focus.missingUnits).toHaveLength(communes.length - 3);
    expect(body.focus.missingUnits.map((u) => u.id)).toContain(D);

    // The province level: one row (Tam Đường) with the same totals, read by a province viewer.
    const prov = await get(admin, `/api/tasks/${taskId}/rollup?unitId=${LAI_CHAU}&from=${P1}&to=${P2}`);
    expect(prov.statusCode, prov.body).toBe(200);
    const pb = prov.json() as typeof body;
    expect(pb.periods.map((x) => x.key)).toEqual([P1, P2]);
    expect(pb.periods[0]?.rows.map((r) => r.unit.id)).toEqual([TAM_DUONG]);
    expect(pb.periods[0]?.totals[0]?.value).toBe(14);
    expect(pb.periods[1]?.totals[0]?.value).toBe(8);
  });

  it('shows the issuer a matrix of assignees × occurrences', async () => {
    await at('2021-02-12T03:00:00Z');
    const res = await get(drafter, `/api/tasks/${taskId}/matrix`);
    expect(res.statusCode).toBe(200);
    const m = res.json() as { periods: { key: string }[]; rows: { unit: { id: string }; cells: { status: string; label: string; late: boolean }[] }[] };
    expect(m.periods.map((p) => p.key)).toEqual([P1, P2, '2021-02-18']);
    const row = (id: string) => m.rows.find((r) => r.unit.id === id)?.cells.map((c) => c.label);
    expect(row(A)).toEqual(['Hoàn thành', 'Hoàn thành', 'Chưa thực hiện']);
    expect(row(D)).toEqual(['Quá hạn', 'Quá hạn', 'Chưa thực hiện']);
    expect(m.rows.find((r) => r.unit.id === B)?.cells[0]).toMatchObject({ status: 'done', late: true });
    const progress = await t.app.inject({
      method: 'PUT',
      url: `/api/tasks/${taskId}/progress/${D}/2021-02-18`,
      payload: { status: 'in_progress', evidence: { text: 'Đang tổng hợp', links: ['https://tamduong.laichau.gov.vn/tin/2'] } },
      headers: districtReporter.headers,
    });
    expect(progress.statusCode, progress.body).toBe(200);
    const again = (await get(drafter, `/api/tasks/${taskId}/matrix`)).json() as typeof m;
    expect(again.rows.find((r) => r.unit.id === D)?.cells[2]?.label).toBe('Đang thực hiện');
    const comment = await post(reporterA, `/api/tasks/${taskId}/comments`, { unitId: A, body: 'Xã đã phát 3 tin trên loa.' });
    expect(comment.statusCode).toBe(201);
    expect((await post(reporterA, `/api/tasks/${taskId}/comments`, { unitId: B, body: 'x' })).statusCode).toBe(404);
  });

  it('exports the roll-up to XLSX that reads back with the totals row, and to CSV and DOCX', async () => {
    const res = await get(drafter, `/api/tasks/${taskId}/rollup.xlsx?unitId=${TAM_DUONG}&period=${P1}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(0, 7)).toEqual([
      'STT',
      'Mã ĐVHC',
      'Đơn vị',
      'Số lượng tin, bài (tin, bài)',
      'Độ dài tin, bài (phút)',
      'Số lượng phát sóng (lượt)',
      'Ước số lượng người nghe (người)',
    ]);
    const total = rows.find((r) => r[2] === 'Tổng cộng')!;
    expect(total.slice(3)).toEqual([14, 140, 28, 1400, communes.length, 3, 1]);
    const body = rows.slice(rows.indexOf(header) + 1, rows.indexOf(total));
    expect(body).toHaveLength(communes.length);
    expect(body.find((r) => r[1] === '03390')?.[3]).toBe(3); // Thị trấn Tam Đường by its GSO code

    const csv = await get(drafter, `/api/tasks/${taskId}/rollup.csv?unitId=${TAM_DUONG}&period=${P1}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'STT,Mã ĐVHC,Đơn vị,"Số lượng tin, bài (tin, bài)","Độ dài tin, bài (phút)",Số lượng phát sóng (lượt),Ước số lượng người nghe (người),Số đơn vị phải báo cáo,Số đơn vị đã báo cáo,Số đơn vị nộp muộn',
    );
    expect(lines.at(-1)).toBe(`,,Tổng cộng,14,140,28,1400,${communes.length},3,1`);

    const docx = await get(drafter, `/api/tasks/${taskId}/report.docx?unitId=${TAM_DUONG}&period=${P1}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('reminds units that have not reported once per period and kind, then tells the parent when overdue', async () => {
    const db = t.c.database.db;
    await at('2021-02-17T09:05:00Z'); // Wed 16:05: within 24 h of Thursday's deadline
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    const dueId = `report-reminder:${taskId}:${D}:2021-02-18:due`;
    expect((await db.select().from(jobs).where(eq(jobs.id, dueId)))[0]?.status).toBe('done');
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(jobs)
          .where(like(jobs.id, `report-reminder:${taskId}:%`))
      )[0]?.n;
    const dueCount = (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(like(jobs.id, `report-reminder:${taskId}:%:2021-02-18:due`))
    )[0]?.n;
    expect(dueCount).toBe(communes.length); // nobody has reported for 18 Feb yet
    const before = await count();
    // D is reminded once for 18 Feb (and told once that 11 Feb is overdue).
    expect(
      mailer.sent
        .filter((m) => m.to === 'xa-d@tamduong.test')
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'Nhắc gửi báo cáo: Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021',
      'Quá hạn báo cáo: Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021',
    ]);
    // A second worker scanning the same slot, or the next slot, adds nothing.
    await t.c.jobs.enqueueDueSchedules();
    await at('2021-02-17T09:20:00Z');
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    expect(await count()).toBe(before);

    await at('2021-02-18T09:20:00Z'); // overdue
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    const overdue = await db
      .select()
      .from(taskNotifications)
      .where(and(eq(taskNotifications.aboutUnitId, D), eq(taskNotifications.period, '2021-02-18')));
    expect(overdue.map((n) => [n.unitId, n.kind]).sort()).toEqual(
      [
        [D, 'due'],
        [D, 'overdue'],
        [TAM_DUONG, 'overdue_child'],
      ].sort(),
    );
    expect(mailer.sent.filter((m) => m.to === 'vhtt@tamduong.test').length).toBeGreaterThan(0);
    const list = await get(districtReporter, '/api/report-notifications');
    expect((list.json() as { items: { kind: string }[] }).items.some((n) => n.kind === 'overdue_child')).toBe(true);
  });

  it('serves a plain HTML submission page that checks the CSRF token', async () => {
    await at('2021-02-24T03:00:00Z');
    const page = await t.app.inject({ url: `/bao-cao/${taskId}`, headers: { cookie: reporterB.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="_csrf" value="${reporterB.csrf}"`);
    expect(page.body).toContain('Số lượng tin, bài');
    const key = /name="_key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const form = (csrf: string) =>
      new URLSearchParams({
        _csrf: csrf,
        _key: key,
        ky: '2021-02-25',
        don_vi: B,
        so_tin_bai: '2',
        do_dai_tin_bai: '15',
        so_luot_phat_song: '4',
        uoc_so_nguoi_nghe: '300',
      }).toString();
    const headers = { cookie: reporterB.cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const bad = await t.app.inject({ method: 'POST', url: `/bao-cao/${taskId}`, payload: form('sai'), headers });
    expect(bad.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: `/bao-cao/${taskId}`, payload: form(reporterB.csrf), headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Đã gửi báo cáo kỳ Tuần 09/2021 (hạn 16:00 thứ Năm, 25/02/2021) (lần 1)');
    const resent = await t.app.inject({ method: 'POST', url: `/bao-cao/${taskId}`, payload: form(reporterB.csrf), headers });
    expect(resent.body).toContain('(lần 1)'); // the same form sent twice is one record
    const invalid = await t.app.inject({
      method: 'POST',
      url: `/bao-cao/${taskId}`,
      payload: form(reporterB.csrf).replace('so_tin_bai=2', 'so_tin_bai=-2').replace(key, `${key}x`),
      headers,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Số lượng tin, bài: không được âm');
    const anonymous = await t.app.inject({ url: `/bao-cao/${taskId}` });
    expect(anonymous.statusCode).toBe(302);
  });
});
