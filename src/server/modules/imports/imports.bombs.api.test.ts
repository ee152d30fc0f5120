import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { countRows } from '../../../../test/support/db.ts';
import { buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { docx, largeText, lieAboutSizes, manyPagePdf } from '../../../../test/builders/import-bombs.ts';
import { findImportByHash } from './imports.repository.ts';
import { ANALYSIS_LIMITS } from './parse/limits.ts';

const MB = 1024 * 1024;

/**
 * /healthz within 200 ms while an import runs: nine polls in ten within 200 ms (or four idle polls'
 * time on a loaded machine), and none held longer than 750 ms (accepting the upload itself, the
 * JSON body and its hash, happens on the event loop). Parsing a file there blocks for seconds.
 */
function expectResponsive(polls: number[], baseline: number): void {
  const sorted = [...polls].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  const shown = `polls: ${polls.map(Math.round).join(', ')}; idle max ${Math.round(baseline)}`;
  expect(polls.length, shown).toBeGreaterThan(3);
  expect(p90, shown).toBeLessThan(Math.max(200, 4 * baseline));
  expect(Math.max(...polls), shown).toBeLessThan(Math.max(750, 4 * baseline));
}

type Files = Record<'bomb' | 'liar' | 'pages' | 'text' | 'large', Buffer>;

/** Built once for both databases (the DOCX and the PDF take a few seconds). */
const built: Promise<Files> = (async () => {
  const bomb = await docx(40 * MB);
  return { bomb, liar: lieAboutSizes(bomb, 4096), pages: await manyPagePdf(3000), text: largeText(9 * MB), large: largeText(0.95 * MB) };
})();

/**
 * The files of the report against POST /api/imports, built here: a DOCX whose document.xml
 * expands to 40 MB (honest headers, then headers that claim 4 KB), a PDF of 3,000 pages, a 9 MB
 * text; and a legitimate 0.95 MB text that must be analysed while the server keeps answering.
 */
describeApi('imports: hostile files are refused in a sandbox while /healthz keeps answering', (kind) => {
  let t: TestContext;
  let base: string;
  let office: { id: string };
  let clerk: Session;
  let files: Files;

  beforeAll(async () => {
    files = await built;
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    office = await buildUnit(t.c, { name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    clerk = (await buildSignedInUser(t.c, { unitId: office.id, roles: ['clerk'] })).session;
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 180_000);
  afterAll(() => t.close());

  const post = async (s: Session, fileName: string, bytes: Buffer) => {
    const res = await fetch(`${base}/api/imports`, {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }),
    });
    return { status: res.status, body: (await res.json()) as { import?: { id: string }; error?: { code: string; message: string } } };
  };

  /** Polls /healthz every 25 ms while `work` runs; every poll's time and the largest RSS seen. */
  async function probe<T>(work: () => Promise<T>): Promise<{ result: T; polls: number[]; failed: number; rssPeak: number }> {
    const polls: number[] = [];
    let failed = 0;
    let rssPeak = process.memoryUsage().rss;
    let done = false;
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await fetch(`${base}/healthz`).catch(() => null);
        polls.push(performance.now() - started);
        if (res?.status !== 200) failed++;
        await res?.arrayBuffer();
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        await sleep(25);
      }
    })();
    try {
      const result = await work();
      return { result, polls, failed, rssPeak };
    } finally {
      done = true;
      await poller;
    }
  }

  it('refuses each bomb with its Vietnamese reason, stores nothing, and /healthz answers every poll within bound', async () => {
    // Baseline: the same poll with nothing running.
    const idle = await probe(() => sleep(500));
    const baseline = Math.max(...idle.polls);
    const auditBefore = await countRows(t.c, 'auditEvents');
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;

    const run = await probe(async () => {
      const out: Record<string, Awaited<ReturnType<typeof post>>> = {};
      for (const [name, bytes] of Object.entries(files).filter(([n]) => n !== 'large')) out[name] = await post(clerk, `${name}.bin`, bytes);
      return out;
    });
    const r = run.result;
    expect(r.bomb?.status, JSON.stringify(r.bomb?.body)).toBe(413);
    expect(r.bomb?.body.error).toMatchObject({ code: 'IMPORT_UNPACKED_TOO_LARGE' });
    expect(r.bomb?.body.error?.message).toMatch(/^Tệp giải nén vượt quá giới hạn cho phép: phần "word\/document\.xml".*10 MB/u);
    expect(r.liar?.status, JSON.stringify(r.liar?.body)).toBe(413);
    expect(r.liar?.body.error?.message).toMatch(/^Tệp giải nén vượt quá giới hạn cho phép/u);
    expect(r.pages?.status, JSON.stringify(r.pages?.body)).toBe(413);
    expect(r.pages?.body.error).toMatchObject({
      code: 'IMPORT_TOO_MANY_PAGES',
      message: `Văn bản quá nhiều trang (3000 trang; tối đa ${ANALYSIS_LIMITS.pdfPages} trang); tệp không được phân tích.`,
    });
    expect(r.text?.status, JSON.stringify(r.text?.body)).toBe(413);
    expect(r.text?.body.error).toMatchObject({ code: 'IMPORT_TEXT_TOO_LARGE' });
    expect(r.text?.body.error?.message).toMatch(/^Văn bản quá dài \(9 MB; tối đa 1 MB\)/u);

    // Nothing half-created: no import row for any of them, no audit event.
    for (const bytes of Object.values(files)) {
      expect(await findImportByHash(t.c.database.db, office.id, createHash('sha256').update(bytes).digest('hex'))).toBeUndefined();
    }
    expect(await countRows(t.c, 'auditEvents')).toBe(auditBefore);

    // The server answered every poll, promptly.
    expect(run.failed).toBe(0);
    expectResponsive(run.polls, baseline);
    // Memory bounded: the process (worker heaps included) stays far below one bomb's expansion.
    expect(run.rssPeak - rssBefore).toBeLessThan(ANALYSIS_LIMITS.memoryMb * MB + 256 * MB);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(96 * MB);
  });

  it('analyses a large legitimate text in the sandbox while /healthz keeps answering', async () => {
    const idle = await probe(() => sleep(500));
    const baseline = Math.max(...idle.polls);
    const run = await probe(() => post(clerk, 'large.txt', files.large));
    expect(run.result.status, JSON.stringify(run.result.body).slice(0, 300)).toBe(201);
    expect(run.failed).toBe(0);
    expectResponsive(run.polls, baseline);
  });

  it('limits analyses running at once per unit (429) with a Vietnamese reason', async () => {
    const a = await buildUnit(t.c, { name: 'Đơn vị thử tải A', kind: 'office' });
    const s = (await buildSignedInUser(t.c, { unitId: a.id, roles: ['clerk'] })).session;
    const svc = t.c.services.imports;
    const slow = [post(s, 'a1.txt', largeText(0.8 * MB)), post(s, 'a2.txt', largeText(0.85 * MB))];
    for (let i = 0; i < 400 && svc.analysesRunning() < 2; i++) await sleep(5);
    expect(svc.analysesRunning()).toBe(2);
    const third = await post(s, 'a3.txt', largeText(0.9 * MB));
    expect(third.status).toBe(429);
    expect(third.body.error).toMatchObject({ code: 'IMPORT_UNIT_BUSY', message: 'Đơn vị đang phân tích 2 tệp cùng lúc (tối đa 2); vui lòng chờ tệp trước xong rồi thử lại.' });
    expect((await Promise.all(slow)).map((x) => x.status)).toEqual([201, 201]);
    expect(svc.analysesRunning()).toBe(0);
    // Once they finish, the unit may import again.
    expect((await post(s, 'a3.txt', largeText(0.9 * MB))).status).toBe(201);
  });
});
