import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './browser.ts';

/**
 * The newcomer's guard (issue 10): Loa started exactly as the README's first command does after
 * install — `npm start` in the repository, a fresh DATA_DIR, a free port, the real clock, no test
 * routes — and walked through the admin UI with nothing but the printed demo accounts
 * (DATA_DIR/demo-accounts.json), picked by role and unit:
 *
 *  1. the Sở VHTTDL's drafter composes a công văn to "UBND các xã, phường" and submits it; the
 *     leader approves and signs; the clerk issues it (the dialog shows how many units each entry
 *     reaches); a commune's clerk acknowledges it from the inbox; the issuer's tracking shows it;
 *  2. the clerk imports seed 002 and confirms;
 *  3. the commune's reporter sends this week's figures on the phone page (the open period preselected);
 *  4. the province sees the total and the coverage change and downloads the XLSX and the upward report;
 *  5. the health department's editor enters today's figures and the portal home shows them;
 *  6. every role lands on "Việc cần làm", which lists what waits for it.
 *
 * Runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set (a fresh database).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_002 = path.join(ROOT, 'assets/seeds/002.txt');
const SHOTS = path.join(ROOT, 'test-results');
/** Generous: the first start builds what is missing (admin UI, database template) and seeds the demo on a shared 2-core machine. */
const START_TIMEOUT_MS = 420_000;
const STEP_TIMEOUT_MS = 300_000;
/** Playwright's wait for one element or navigation, on a loaded machine. */
const UI_WAIT_MS = 60_000;

interface DemoAccount {
  username: string;
  password: string;
  role: string;
  unitName: string;
  unitCode: string;
}

/** Settings a newcomer has not set: the child gets none of them from the test runner's environment. */
const LOA_SETTINGS = /^(NODE_ENV|HOST|PORT|DATA_DIR|DATABASE_URL|PUBLIC_URL|LOG_LEVEL|SMTP_.*|TRUST_PROXY|SESSION_TTL_HOURS|WORKER|SEED_DEMO|BACKUP_.*|VITEST.*|TEST_.*)$/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Today's calendar day in Việt Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
function vnDateKey(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
/** "2026-12-03" → "03/12/2026". */
const dmy = (key: string) => key.split('-').reverse().join('/');

/** The weekly period open now: the first Thursday whose 16:00 (Việt Nam) is still ahead. */
function openThursday(now: Date): string {
  const today = Date.parse(`${vnDateKey(now)}T00:00:00Z`);
  for (let d = 0; d < 8; d++) {
    const day = new Date(today + d * 86_400_000);
    if (day.getUTCDay() === 4 && day.getTime() + 9 * 3_600_000 > now.getTime()) return day.toISOString().slice(0, 10);
  }
  throw new Error('no Thursday ahead');
}

/** Loa as `npm start` runs it: its process group, the address it serves and what it printed. */
interface Loa {
  proc: ChildProcess;
  base: string;
  dataDir: string;
  output: () => string;
  exited: Promise<number | null>;
  dropDatabase: (() => Promise<void>) | null;
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `loa_newcomer_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function startLoa(kind: 'pglite' | 'postgres'): Promise<Loa> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loa-newcomer-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LOA_SETTINGS.test(k)));
  let dropDatabase: (() => Promise<void>) | null = null;
  if (kind === 'postgres') {
    const db = await createPostgresDatabase();
    env.DATABASE_URL = db.url;
    dropDatabase = db.drop;
  }
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
  const proc = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, base: `http://127.0.0.1:${port}`, dataDir, output: () => out, exited, dropDatabase };
}

/** Polls `probe` until it returns a value, failing with the server's output if Loa exits or time runs out. */
async function until<T>(loa: Loa, what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void loa.exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`Loa exited while waiting for ${what}:\n${loa.output().slice(-4000)}`);
    const v = await probe().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${loa.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopLoa(loa: Loa | undefined): Promise<void> {
  if (!loa) return;
  const pid = loa.proc.pid;
  if (pid && loa.proc.exitCode === null) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const killed = await Promise.race([loa.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
    if (!killed) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await loa.exited;
    }
  }
  await loa.dropDatabase?.();
  rmSync(loa.dataDir, { recursive: true, force: true });
}

const DATABASES: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

describe.each(DATABASES)('newcomer: npm start, the printed demo accounts, every journey (chromium) [%s]', (kind) => {
  let loa: Loa | undefined;
  let browser: Browser;
  let accounts: DemoAccount[] = [];
  let shot = 0;
  /** The công văn of step 1 (unique per run, so the start pages can be read for it). */
  const SUBJECT = 'Tuyên truyền phòng, chống rét đậm, rét hại trên hệ thống thông tin cơ sở';
  /** The demo's weekly report task, running now (seeded like seed 002's). */
  const WEEKLY_TASK = 'Báo cáo kết quả tuyên truyền hằng tuần';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const f of readdirSync(SHOTS)) if (f.startsWith(`newcomer-${kind}-`)) rmSync(path.join(SHOTS, f));
    loa = await startLoa(kind);
    const l = loa;
    await until(l, '/healthz', async () => ((await fetch(`${l.base}/healthz`)).ok ? true : null), START_TIMEOUT_MS);
    const file = path.join(l.dataDir, 'demo-accounts.json');
    accounts = await until(
      l,
      'demo-accounts.json',
      async () => {
        if (!existsSync(file)) return null;
        const rows = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
        return rows.length ? rows : null;
      },
      START_TIMEOUT_MS,
    );
    browser = await launchChromium();
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopLoa(loa);
  }, 60_000);

  const base = () => loa!.base;
  /** The one account with `role` whose unit passes `unit`. */
  function account(role: string, unit: (a: DemoAccount) => boolean, what: string): DemoAccount {
    const found = accounts.filter((a) => a.role === role && unit(a));
    expect(found.length, `a demo account: ${what} (${role}) in ${JSON.stringify(accounts.map(({ password: _, ...a }) => a))}`).toBeGreaterThan(0);
    return found[0]!;
  }
  const atOffice = (a: DemoAccount) => /^Sở Văn hóa, Thể thao và Du lịch/u.test(a.unitName);
  const atCommune = (a: DemoAccount) => a.unitCode.startsWith('vn-2026:') && /^(Xã|Phường) /u.test(a.unitName);
  const drafter = () => account('drafter', atOffice, "the Sở VHTTDL's drafter");
  const approver = () => account('approver', atOffice, "the Sở VHTTDL's leader");
  const clerk = () => account('clerk', atOffice, "the Sở VHTTDL's clerk");
  const provinceAdmin = () => account('unit_admin', atOffice, "the Sở VHTTDL's unit admin");
  const communeClerk = () => account('clerk', atCommune, "a commune's clerk");
  const communeReporter = () => account('reporter', (a) => a.unitCode === communeClerk().unitCode, "the same commune's reporter");
  const healthEditor = () => account('approver', (a) => /^Sở Y tế/u.test(a.unitName), "the health department's editor");

  /** Pages open in the current test: photographed when it fails. */
  let open: Page[] = [];
  /**
   * Each account signs in once (a browser context per person, as each official has their own
   * browser) and comes back to the admin later: the sign-in route allows 10 attempts a minute per address.
   */
  const contexts = new Map<string, BrowserContext>();
  async function signIn(a: DemoAccount, viewport = { width: 1440, height: 1000 }): Promise<Page> {
    let context = contexts.get(a.username);
    const fresh = !context;
    if (!context) {
      context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport, acceptDownloads: true });
      context.setDefaultTimeout(UI_WAIT_MS);
      contexts.set(a.username, context);
    }
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    open.push(page);
    await page.goto(`${base()}/admin/`);
    if (fresh) {
      await page.getByTestId('login-username').fill(a.username);
      await page.getByTestId('login-password').fill(a.password);
      await page.getByTestId('login-submit').click();
      // Signed in, or told why not.
      await page.locator('[data-testid="logout"], [data-testid="login-error"]').first().waitFor();
      const refused = page.getByTestId('login-error');
      if (await refused.count()) throw new Error(`${a.username} (${a.role}) cannot sign in: ${await refused.innerText()}`);
    }
    // Every role lands on its start page.
    await page.getByTestId('todo-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/todo');
    return page;
  }
  beforeEach(() => {
    open = [];
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      const name = ctx.task.name
        .normalize('NFD')
        .replace(/[^a-z0-9]+/gi, '-')
        .slice(0, 40);
      for (const [i, p] of open.entries()) {
        if (!p.isClosed()) await p.screenshot({ path: path.join(SHOTS, `newcomer-${kind}-failed-${name}-${i}.png`), fullPage: true }).catch(() => undefined);
      }
      // A server that died mid-journey says why only in its own output: keep its end in the log.
      if (loa && (loa.proc.exitCode !== null || loa.proc.signalCode !== null))
        process.stderr.write(`\nLoa exited (${String(loa.proc.exitCode ?? loa.proc.signalCode)}) during "${ctx.task.name}":\n${loa.output().slice(-6000)}\n`);
    }
    for (const p of open) await p.close().catch(() => undefined);
  });
  async function screenshot(page: Page, name: string): Promise<void> {
    shot++;
    await page.screenshot({ path: path.join(SHOTS, `newcomer-${kind}-${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  }
  /** The start page's group of one kind of work, once loaded. */
  async function todoGroup(page: Page, kindOfWork: string) {
    await page.getByTestId('nav-todo').click();
    await page.getByTestId('todo-page').waitFor();
    const group = page.getByTestId(`todo-group-${kindOfWork}`);
    await group.waitFor();
    return group;
  }
  const status = (page: Page, s: string) => page.locator(`[data-testid="directive-status"][data-status="${s}"]`).waitFor();
  async function download(page: Page, testId: string): Promise<{ d: Download; bytes: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { d, bytes: await readFile(await d.path()) };
  }

  it('starts like the README says and prints one account per step', () => {
    expect(loa!.output()).toContain('Tài khoản demo');
    for (const a of accounts) expect(loa!.output()).toContain(a.username);
    // One per step of the journeys below, picked by role and unit.
    for (const pick of [drafter, approver, clerk, provinceAdmin, communeClerk, communeReporter, healthEditor]) pick();
  });

  it(
    'a công văn: drafted, approved, signed, issued to "UBND các xã, phường", acknowledged by a commune, tracked',
    async () => {
      // The drafter composes it: issuing body and place come from the drafter's unit.
      const d = await signIn(drafter());
      await d.getByTestId('nav-outgoing').click();
      await d.getByTestId('compose-new').click();
      await expect.poll(() => d.getByTestId('f-place').inputValue(), { timeout: UI_WAIT_MS }).toBe('Lai Châu');
      // Decree 30 letterhead: the parent body names the province, the office's line does not repeat it.
      expect(await d.getByTestId('f-issuer').inputValue()).toBe('Sở Văn hóa, Thể thao và Du lịch');
      await d.getByTestId('f-symbol').fill('SVHTTDL-TTBCXB');
      await d.getByTestId('f-subject').fill(SUBJECT);
      await d.getByRole('checkbox', { name: 'UBND các xã, phường' }).check();
      expect(await d.getByTestId('f-addressees').inputValue()).toBe('UBND các xã, phường');
      await d.getByTestId('f-opening').fill('Thực hiện chỉ đạo của UBND tỉnh, Sở Văn hóa, Thể thao và Du lịch đề nghị UBND các xã, phường thực hiện một số nội dung sau:');
      await d
        .getByTestId('f-section-text-0')
        .fill('Chỉ đạo đài truyền thanh cấp xã phát các tin, bài hướng dẫn người dân phòng, chống rét cho người, cây trồng và vật nuôi, ít nhất 02 lần mỗi ngày.');
      await d.getByTestId('f-closing').fill('Đề nghị các đơn vị quan tâm, phối hợp thực hiện./.');
      await d.getByTestId('f-signer-position').fill('GIÁM ĐỐC');
      await d.getByTestId('f-signer-name').fill('Nguyễn Văn An');
      await d.getByTestId('doc-preview').getByText('Kính gửi: UBND các xã, phường').waitFor();
      expect(await axeViolations(d)).toEqual([]);
      await screenshot(d, 'compose');
      await d.getByTestId('action-submit').click();
      await d.waitForURL(/#\/outgoing\/[0-9a-f-]{36}$/);
      await status(d, 'submitted');
      const directiveId = /#\/outgoing\/([0-9a-f-]{36})$/.exec(d.url())![1]!;

      // The leader: the start page lists it to approve, then to sign.
      const a = await signIn(approver());
      const toApprove = await todoGroup(a, 'to_approve');
      await screenshot(a, 'approver-todo');
      expect(await axeViolations(a)).toEqual([]);
      await toApprove.getByRole('link', { name: SUBJECT }).click();
      await status(a, 'submitted');
      await a.getByTestId('action-approve').click();
      await status(a, 'approved');
      const toSign = await todoGroup(a, 'to_sign');
      await toSign.getByRole('link', { name: SUBJECT }).click();
      await status(a, 'approved');
      await a.getByTestId('action-sign').click();
      await status(a, 'signed');

      // The clerk: listed to issue; the dialog shows how many units "UBND các xã, phường" reaches today.
      const c = await signIn(clerk());
      const toIssue = await todoGroup(c, 'to_issue');
      await screenshot(c, 'clerk-todo');
      await toIssue.getByRole('link', { name: SUBJECT }).click();
      await status(c, 'signed');
      await c.getByTestId('action-issue').click();
      const entry = c.getByTestId('issue-recipient').filter({ hasText: 'UBND các xã, phường' });
      await entry.waitFor();
      const reaches = Number(await entry.getAttribute('data-reaches'));
      expect(reaches).toBeGreaterThan(0);
      expect(await c.getByTestId('issue-blocked').count()).toBe(0);
      await screenshot(c, 'issue-dialog');
      await c.getByTestId('step-confirm').click();
      await status(c, 'issued');
      expect(await c.getByTestId('directive-title').innerText()).toMatch(/\d+\/SVHTTDL-TTBCXB/);
      const today = vnDateKey(new Date());
      const [y, m, day] = today.split('-');
      expect(await c.getByTestId('doc-date').innerText()).toBe(`Lai Châu, ngày ${day} tháng ${m} năm ${y}`);
      const counts = c.getByTestId('tracking-counts');
      await counts.waitFor();
      expect(await counts.getAttribute('data-total')).toBe(String(reaches));
      expect(await counts.getAttribute('data-acknowledged')).toBe('0');

      // A commune's clerk: the start page lists it as not yet acknowledged; opens it from the inbox.
      const cc = await signIn(communeClerk());
      const unack = await todoGroup(cc, 'inbox_unacknowledged');
      await unack.getByText(SUBJECT, { exact: false }).waitFor();
      await screenshot(cc, 'commune-clerk-todo');
      await cc.getByTestId('nav-inbox').click();
      const row = cc.locator(`[data-testid="inbox-row"][data-directive-id="${directiveId}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-unread')).toBe('true');
      await row.getByTestId('inbox-open').click();
      await cc.getByTestId('doc-preview').waitFor();
      await cc.getByTestId('inbox-ack').click();
      await cc.getByTestId('inbox-ack-state').waitFor();
      await screenshot(cc, 'commune-acknowledged');
      const me = (await (await cc.request.get(`${base()}/api/auth/me`)).json()) as { user: { unitId: string } };
      // …and it leaves the start page.
      await cc.getByTestId('nav-todo').click();
      await cc.getByTestId('todo-page').waitFor();
      await expect.poll(() => cc.getByTestId('todo-page').innerText(), { timeout: UI_WAIT_MS }).not.toContain(SUBJECT);

      // The issuer's tracking: that commune has acknowledged.
      await c.reload();
      const tracked = c.locator(`[data-testid="tracking-row"][data-unit-id="${me.user.unitId}"]`);
      await tracked.waitFor();
      expect(await tracked.getAttribute('data-acknowledged')).toBe('true');
      expect(await tracked.innerText()).toContain(communeClerk().unitName);
      expect(await c.getByTestId('tracking-counts').getAttribute('data-acknowledged')).toBe('1');
      await screenshot(c, 'tracking');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'the clerk imports seed 002 and confirms it',
    async () => {
      const c = await signIn(clerk());
      await c.getByTestId('nav-imports').click();
      await c.getByLabel('Tệp công văn').setInputFiles(SEED_002);
      await c.getByTestId('import-upload').click();
      await c.waitForURL(/#\/imports\/[0-9a-f-]{36}$/);
      await c.getByTestId('import-proposal').waitFor();
      // The issuer is the seed's own office, from the history (2025) tree.
      expect(await c.getByTestId('import-issuer-name').first().innerText()).toContain('Phòng Văn hóa và Thông tin');
      // Section 3 names the district radio-TV centre: found in the directory (the 2025 tree), not elsewhere.
      const centre = c.locator('[data-testid="import-addressees"][data-section="3"] [data-testid="import-match"][data-text^="Đài Truyền thanh"]');
      expect(await centre.getByTestId('import-match-target').innerText()).toBe('Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện Tam Đường');
      const reportTask = c.locator('[data-testid="import-task"][data-section="3"]');
      expect(await reportTask.getByTestId('indicator').count()).toBe(4);
      // "UBND các xã, thị trấn" is never silently one unrelated commune: a group, or flagged for the officer.
      const communes = c.getByTestId('import-recipients').locator('[data-testid="import-match"][data-text="UBND các xã, thị trấn"]');
      const communesText = await communes.innerText();
      expect.soft((await communes.getAttribute('data-flagged')) === 'true' || /Nhóm/u.test(communesText), `"UBND các xã, thị trấn" proposed as: ${communesText}`).toBe(true);
      // The clerk who registers it also creates its tasks (no "you may not assign" notice).
      expect(await c.getByTestId('import-cannot-assign').count()).toBe(0);
      await c.evaluate(() => window.scrollTo(0, 0));
      await screenshot(c, 'import-proposal');
      await c.getByTestId('import-confirm').click();
      await c.getByTestId('import-result').waitFor();
      expect(await c.getByTestId('import-arrival').innerText()).toMatch(/^Số đến: \d+$/);
      // The weekly report of section 3 is created, with a short title and its four indicators.
      const created = c.locator('[data-testid="import-created-task"][data-report-form="true"]');
      await created.waitFor();
      expect(await created.getByTestId('import-created-due').innerText()).toContain('16:00 thứ Năm hằng tuần');
      expect(await created.getByTestId('indicator').count()).toBe(4);
      expect(await created.getByTestId('import-created-assignees').innerText()).toMatch(/Truyền thanh - Truyền hình/u);
      await screenshot(c, 'import-result');
      // Registered in the office's inbox.
      await c.getByTestId('import-inbox-link').click();
      await c.waitForURL(/#\/inbox\/[0-9a-f-]{36}$/);
      await c.getByTestId('inbox-item-title').waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "a commune sends this week's figures on the phone; the province sees total and coverage change and exports them",
    async () => {
      const now = new Date();
      const period = openThursday(now);
      const reporter = communeReporter();
      const figures = { so_tin_bai: 9, do_dai_tin_bai: 54, so_luot_phat_song: 18, uoc_so_nguoi_nghe: 1350 };

      // The province office's dashboard of the weekly report, before.
      const prov = await signIn(provinceAdmin());
      const missing = await todoGroup(prov, 'reports_missing');
      await screenshot(prov, 'province-todo');
      await missing.getByRole('link', { name: WEEKLY_TASK, exact: true }).click();
      await prov.getByTestId('task-title').waitFor();
      // The office holds no assignee itself: the dashboard rolls up its province's communes.
      const province = `Tỉnh ${/tỉnh (.+)$/u.exec(provinceAdmin().unitName)![1]}`;
      await prov
        .getByTestId('rollup-heading')
        .filter({ hasText: new RegExp(`^${province} ·`, 'u') })
        .waitFor();
      await expect.poll(() => prov.getByTestId('rollup-period').inputValue(), { timeout: UI_WAIT_MS }).toBe(period);
      const coverage = prov.getByTestId('rollup-coverage-text');
      await coverage.waitFor();
      const parseCoverage = async () => {
        const m = /^(\d+)\/(\d+) đơn vị đã báo cáo$/u.exec(await coverage.innerText());
        expect(m, await coverage.innerText()).not.toBeNull();
        return { done: Number(m![1]), of: Number(m![2]) };
      };
      const before = await parseCoverage();
      expect(before.of).toBeGreaterThan(before.done);
      const unitRow = prov.locator('[data-testid="rollup-row"]').filter({ hasText: reporter.unitName });
      expect(await unitRow.innerText()).toContain('0/1');
      const totalOf = async (key: string) => {
        const t = await prov.locator(`[data-testid="rollup-total"][data-indicator="${key}"] [data-testid="rollup-total-value"]`).innerText();
        return t.trim() === '—' ? 0 : Number(t.replace(/\./g, ''));
      };
      const totalBefore = await totalOf('so_tin_bai');
      const listenersBefore = await totalOf('uoc_so_nguoi_nghe');

      // The commune's reporter on a 390 px phone: the report due is on the start page.
      const r = await signIn(reporter, { width: 390, height: 844 });
      const due = r.getByTestId('todo-group-report_due');
      await due.waitFor();
      const dueItem = due.getByTestId('todo-item').filter({ has: r.getByRole('link', { name: WEEKLY_TASK, exact: true }) });
      expect(await dueItem.innerText()).toContain(`Hạn 16:00 ${dmy(period)}`);
      expect(await axeViolations(r)).toEqual([]);
      await screenshot(r, 'reporter-todo');
      await dueItem.getByRole('link').click();
      await r.getByTestId('submit-link').click();
      await r.waitForURL(/\/bao-cao\/[0-9a-f-]{36}/);
      // The open period is preselected and named in words.
      expect(await r.locator('#ky').inputValue()).toBe(period);
      await r.getByText(`Kỳ đang mở: Tuần`, { exact: false }).waitFor();
      expect(await r.locator('#ky option:checked').innerText()).toContain(`hạn 16:00 thứ Năm, ${dmy(period)}`);
      expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      for (const [key, value] of Object.entries(figures)) await r.locator(`#f_${key}`).fill(String(value));
      expect(await axeViolations(r)).toEqual([]);
      await screenshot(r, 'reporter-form');
      await r.getByRole('button', { name: 'Gửi báo cáo' }).click();
      const done = r.getByRole('status');
      await done.waitFor();
      expect(await done.innerText()).toContain('Đã gửi báo cáo kỳ Tuần');
      expect(await done.innerText()).not.toContain('nộp muộn');
      await screenshot(r, 'reporter-sent');

      // The province reloads: one more unit reported, the total grew by the commune's figures.
      await prov.getByTestId('rollup-reload').click();
      await expect.poll(parseCoverage, { timeout: UI_WAIT_MS }).toEqual({ done: before.done + 1, of: before.of });
      expect(await totalOf('so_tin_bai')).toBe(totalBefore + figures.so_tin_bai);
      expect(await totalOf('uoc_so_nguoi_nghe')).toBe(listenersBefore + figures.uoc_so_nguoi_nghe);
      expect(await unitRow.innerText()).toContain('1/1');
      expect(await prov.getByTestId('rollup-missing').innerText()).not.toContain(reporter.unitName);
      expect(await axeViolations(prov)).toEqual([]);
      await prov.evaluate(() => window.scrollTo(0, 0));
      await screenshot(prov, 'dashboard');

      // The XLSX roll-up of the week: the commune's row and the total.
      const xlsx = await download(prov, 'download-xlsx');
      expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(xlsx.bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const communeRow = rows.find((row) => row.includes(reporter.unitName));
      expect(communeRow, JSON.stringify(rows.slice(0, 8))).toBeDefined();
      for (const v of Object.values(figures)) expect(communeRow).toContain(v);
      const totalRow = rows.find((row) => row.includes('Tổng cộng'));
      expect(totalRow).toContain(totalBefore + figures.so_tin_bai);

      // The upward report (DOCX, Decree 30) and its PDF.
      const docx = await download(prov, 'download-docx');
      expect(docx.d.suggestedFilename()).toMatch(/\.docx$/);
      expect(docx.bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
      const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
      const text = xml
        .replace(/<w:tab\/>/g, ' ')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .normalize('NFC');
      expect(text).toMatch(/Số:\s*\S*\/BC-/u);
      expect(text).toContain('Kính gửi');
      expect(text).toMatch(/Lai Châu, ngày \d{2} tháng \d{2} năm \d{4}/u);
      expect(text).toContain(String(totalBefore + figures.so_tin_bai));
      const pdf = await download(prov, 'download-pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "the health department's editor publishes today's figures and the portal home shows them",
    async () => {
      const today = vnDateKey(new Date());
      const FIGURES: Record<string, number> = { cases: 17, underTreatment: 6, recovered: 11, deaths: 0, quarantined: 2468, tested: 97531 };
      const shown = (n: number) => n.toLocaleString('de-DE');
      expect(await (await fetch(`${base()}/`)).text()).not.toContain(shown(FIGURES.tested!));

      const e = await signIn(healthEditor());
      await e.getByTestId('nav-portal').click();
      const row = e
        .locator('[data-testid="portal-section-row"]')
        .filter({ has: e.getByTestId('portal-section-mine') })
        .first();
      await row.getByTestId('portal-section-open').click();
      await e.getByTestId('portal-tab-situation').click();
      // Today's figures from the demo are in the form (a correction) before the editor types over them.
      await e.locator(`[data-testid="situation-row"][data-date="${today}"]`).waitFor();
      await expect.poll(() => e.getByTestId('situation-field-tested').inputValue(), { timeout: UI_WAIT_MS }).not.toBe('');
      await expect.poll(() => e.getByTestId('situation-date').inputValue(), { timeout: UI_WAIT_MS }).toBe(today);
      for (const [key, value] of Object.entries(FIGURES)) await e.getByTestId(`situation-field-${key}`).fill(String(value));
      await e.getByTestId('situation-save').click();
      await e.getByTestId('toast-success').first().waitFor();
      await e
        .locator(`[data-testid="situation-row"][data-date="${today}"]`)
        .filter({ hasText: shown(FIGURES.tested!) })
        .waitFor();
      await screenshot(e, 'health-figures');

      const portal = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true });
      const home = await portal.newPage();
      await home.goto(`${base()}/`);
      const body = await home.locator('body').innerText();
      expect(body).toContain(shown(FIGURES.tested!));
      expect(body).toContain(shown(FIGURES.quarantined!));
      const [y, m, d] = today.split('-');
      expect(body).toContain(`Số liệu ngày ${d} tháng ${m} năm ${y}`);
      expect(await axeViolations(home)).toEqual([]);
      await screenshot(home, 'portal-home');
      // The situation page credits the health department by name.
      await home.goto(`${base()}/tinh-hinh`);
      expect(await home.locator('body').innerText()).toContain(healthEditor().unitName);
      await portal.close();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'every role lands on "Việc cần làm" and it lists what waits for it',
    async () => {
      const period = openThursday(new Date());
      const submitter = communeReporter();
      /** What each account must find waiting now, after the steps above. */
      const waiting = (a: DemoAccount): string[] => {
        if (a.role === 'reporter' && a.username !== submitter.username) return ['report_due'];
        // The commune that acknowledged step 1's công văn still has the demo's own to acknowledge.
        if (a.role === 'clerk' && atCommune(a)) return ['inbox_unacknowledged'];
        if (a.role === 'unit_admin' && atOffice(a)) return ['reports_missing'];
        if (a.username === healthEditor().username) return ['question_pending'];
        return [];
      };
      for (const a of accounts) {
        const page = await signIn(a);
        const view = page.getByTestId('todo-page');
        await view.locator('[data-testid^="todo-group-"], [data-testid="todo-empty"]').first().waitFor();
        for (const kindOfWork of waiting(a)) await page.getByTestId(`todo-group-${kindOfWork}`).waitFor();
        if (a.role === 'reporter') {
          const due = page.getByTestId('todo-group-report_due');
          // This week's report: due for every commune but the one that sent it in step 3.
          if (a.username === submitter.username) expect(await due.getByText(WEEKLY_TASK).count()).toBe(0);
          else expect(await due.getByTestId('todo-item').filter({ hasText: WEEKLY_TASK }).innerText()).toContain(`Hạn 16:00 ${dmy(period)}`);
        }
        // The menu shows the count beside "Việc cần làm".
        if ((await view.getByTestId('todo-item').count()) > 0) expect(await page.getByTestId('nav-todo').innerText()).toMatch(/\d/);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `todo-${a.username}`);
      }
    },
    STEP_TIMEOUT_MS,
  );
});
