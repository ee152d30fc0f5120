import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { PASSWORD, importLaiChau } from '../test/factories.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's chromium, headless, with the flags this sandbox needs (no background networking: the
 * machine has no network but the loopback). Never a downloaded browser.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context (Vietnamese, Viet Nam time) signed in to the admin UI as `username`. */
export async function openAdminAs(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  viewport: { width: number; height: number } = { width: 1440, height: 1000 },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}/admin/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  return page;
}

/** The fixture of an admin UI test: its app (`t`), the address it listens on and the browser; read inside hooks and tests. */
export interface AdminUi {
  readonly t: TestContext;
  readonly base: string;
  readonly browser: Browser;
  /** A fresh page signed in as `username` (the factories' password). */
  open(username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Registers the hooks of an admin UI test: before all, a PGlite test context serving the admin UI with Lai Châu's
 * units, then `setup` (users, data), the app listening and a chromium launched; after all, both closed.
 */
export function adminUiSuite(options: Parameters<typeof createTestContext>[1] = {}, setup: (t: TestContext) => Promise<void> = async () => {}): AdminUi {
  let t: TestContext | undefined;
  let base = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await createTestContext('pglite', { ...options, app: { ...options.app, serveAdmin: true } });
    await importLaiChau(t.c);
    await setup(t);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  const ui: AdminUi = {
    get t() {
      if (!t) throw new Error('adminUiSuite: read t inside a hook or a test');
      return t;
    },
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('adminUiSuite: read browser inside a hook or a test');
      return browser;
    },
    open: (username, viewport) => openAdminAs(ui.browser, base, username, PASSWORD, viewport),
  };
  return ui;
}

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into the page under test (the portal's CSP never sees it: devtools protocol). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, plus the rules axe marks experimental that test 2.1 criteria (label in name, 2.5.3). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_EXTRA_RULES = ['label-content-name-mismatch'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; any: { message: string }[] }[] }[];
}

/**
 * axe-core's WCAG 2.1 AA violations on the page as it is now, one line per failing node
 * ("rule-id: help — selector (what failed)"), so `expect(await axeViolations(page)).toEqual([])` names each one.
 */
export async function axeViolations(page: Page, opts: { include?: string } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // A dialog fading in blends its colours with the overlay: judge contrast on the settled page only.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let round = 0; round < 20; round++) {
      await frame(); // a transition starts a frame after its element mounts
      const running = document.getAnimations();
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
  const result = await page.evaluate(
    async ({ include, tags, extra }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe;
      return axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(extra.map((id) => [id, { enabled: true }])),
        resultTypes: ['violations'],
      });
    },
    { include: opts.include ?? null, tags: AXE_TAGS, extra: AXE_EXTRA_RULES },
  );
  return (result as AxeResult).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.map(String).join(' ')}${n.any[0] ? ` (${n.any[0].message})` : ''}`));
}
