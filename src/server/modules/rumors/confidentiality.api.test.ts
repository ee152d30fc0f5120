import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { GPS_MARK, INFORMANT, buildDesks, codeOf, findNeedles, jpegWithGps, submitPortal } from '../../../../test/support/rumors-intake.ts';
import type { Desk } from '../../../../test/support/rumors-intake.ts';
import type { RumorReportCreated } from '../../../shared/contracts/rumors-intake.ts';
import type { RevealedIdentityView } from '../../../shared/contracts/rumors.ts';

const NOW = new Date('2026-12-01T02:00:00Z');

/**
 * THE attacker-style suite of issue #15 point 5: a test informant (name, phone, e-mail, social id, IP, user agent,
 * file name) reports through the portal and through staff; then every GET under /api/rumors/*, the public pages,
 * the audit trail, the log lines and a dump of every table are searched for any of it. Only the desk lead of the
 * receiving unit gets it back, through the reveal, with a reason, audited without the identity.
 */
describeApi('rumors informant confidentiality', () => {
  let t: TestContext;
  let d: Desk;
  const logs: string[] = [];
  let code: string;
  let portalReportId: string;
  let staffReport: RumorReportCreated;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestContext('pglite', { now: NOW, logger: pino({ level: 'debug' }, sink), app: { logger: true } });
    d = await buildDesks(t);
    // Through the portal: everything an informant can leave, with a photo carrying GPS data.
    code = codeOf(
      await submitPortal(
        t,
        {
          description: 'Tin đồn sai sự thật: cắt điện toàn tỉnh 3 ngày',
          links: 'https://www.facebook.com/share/p/abc',
          name: INFORMANT.name,
          phone: INFORMANT.phone,
          email: INFORMANT.email,
        },
        { name: INFORMANT.fileName, content: jpegWithGps() },
        { ip: INFORMANT.ip },
      ),
    );
    await t.app.inject({ method: 'GET', url: `/phan-anh-tin-sai/${code}`, remoteAddress: INFORMANT.ip, headers: { 'user-agent': INFORMANT.userAgent } });
    const status = await t.c.services.rumorIntake.publicStatus(code);
    expect(status).not.toBeNull();
    // Through staff entry: a social account id too.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: d.s.drafter.headers,
      payload: { description: 'Người dân gọi điện báo tin đồn cắt điện', informant: { name: INFORMANT.name, email: INFORMANT.email, socialId: INFORMANT.socialId } },
    });
    expect(res.statusCode, res.body).toBe(201);
    staffReport = res.json<RumorReportCreated>();
    const cases = await t.app.inject({ method: 'GET', url: '/api/rumors/cases?limit=200', headers: d.s.lead.headers });
    const list = cases.json<{ cases: { id: string }[] }>().cases;
    expect(list.length).toBeGreaterThan(0);
    const [row] = rowsOf<{ id: string; case_id: string; informant_id: string }>(
      await t.c.database.db.execute(sql`SELECT id, case_id, informant_id FROM rumor_reports WHERE code = ${code}`),
    );
    portalReportId = row!.id;
    ids.caseId = row!.case_id;
    ids.reportId = row!.id;
    ids.informantId = row!.informant_id;
    ids.staffCaseId = staffReport.case.id;
    ids.staffReportId = staffReport.report.id;
  });
  afterAll(async () => t?.close());

  it('no GET under /api/rumors/* returns the identity, to anyone — the desk lead included', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const templates = Object.entries(spec.paths)
      .filter(([p, ops]) => p.startsWith('/api/rumors') && 'get' in ops)
      .map(([p]) => p);
    expect(templates).toContain('/api/rumors/cases');
    expect(templates).toContain('/api/rumors/reports/{id}/file');
    const candidates = [ids.caseId!, ids.reportId!, ids.informantId!, ids.staffCaseId!, ids.staffReportId!];
    const urls = new Set<string>();
    for (const p of templates) {
      if (!p.includes('{')) urls.add(p);
      else for (const id of candidates) urls.add(p.replace(/\{[^}]+\}/g, id));
    }
    let ok = 0;
    for (const who of ['lead', 'drafter', 'approver', 'viewer', 'admin', 'otherLead', 'otherDrafter', null] as const) {
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url, headers: who ? d.s[who].headers : {} });
        if (res.statusCode === 200) ok++;
        expect(findNeedles(res.body), `${who ?? 'anonymous'} GET ${url} → ${res.statusCode}`).toEqual([]);
        expect(res.rawPayload.includes(GPS_MARK), url).toBe(false);
      }
    }
    expect(ok).toBeGreaterThan(10); // the walk did read real answers, not only refusals
  });

  it('the public pages (status page, form, home, feeds, sitemap) show nothing of any informant', async () => {
    for (const url of [`/phan-anh-tin-sai/${code}`, `/phan-anh-tin-sai/da-nhan/${code}`, '/phan-anh-tin-sai', '/', '/rss.xml', '/sitemap.xml', '/hoi-dap']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(findNeedles(res.body), url).toEqual([]);
    }
  });

  it('only the desk lead of the receiving unit reveals, with a reason; the audit keeps the reason, never the identity', async () => {
    const reveal = (who: keyof Desk['s'] | null, id: string, payload: object = { reason: 'Cần liên hệ để xác minh nguồn tin gốc' }) =>
      t.app.inject({ method: 'POST', url: `/api/rumors/reports/${id}/reveal`, headers: who ? d.s[who].headers : {}, payload });
    for (const who of ['drafter', 'approver', 'viewer', 'admin'] as const) {
      const res = await reveal(who, portalReportId);
      expect(res.statusCode, who).toBe(403);
      expect(findNeedles(res.body)).toEqual([]);
    }
    expect((await reveal('otherLead', portalReportId)).statusCode).toBe(404);
    expect((await reveal('otherDrafter', portalReportId)).statusCode).toBe(404);
    expect((await reveal(null, portalReportId)).statusCode).toBe(401);
    expect((await reveal('lead', portalReportId, {})).statusCode).toBe(400);
    expect((await reveal('lead', portalReportId, { reason: 'ngắn' })).statusCode).toBe(400);
    expect(await auditEventsFor(t.c, portalReportId).then((a) => a.filter((e) => e.action === 'rumor.informant.reveal'))).toEqual([]);

    const ok = await reveal('lead', portalReportId);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ identity: RevealedIdentityView }>().identity).toEqual({
      name: INFORMANT.name,
      phone: INFORMANT.phoneNormalised,
      email: INFORMANT.emailNormalised,
      socialId: null,
      ip: INFORMANT.ip,
      userAgent: INFORMANT.userAgent,
      fileName: INFORMANT.fileName,
      erased: false,
    });
    const staff = await reveal('lead', staffReport.report.id);
    expect(staff.json<{ identity: RevealedIdentityView }>().identity).toMatchObject({ name: INFORMANT.name, socialId: INFORMANT.socialId, ip: null, userAgent: null });

    const audit = (await auditEventsFor(t.c, portalReportId)).filter((e) => e.action === 'rumor.informant.reveal');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).toContain('Cần liên hệ để xác minh nguồn tin gốc');
    expect(findNeedles(JSON.stringify(audit))).toEqual([]);
  });

  it('the audit trail, the log lines, every table and the stored files hold no plaintext identity', async () => {
    const audit = rowsOf<Record<string, unknown>>(await t.c.database.db.execute(sql`SELECT * FROM audit_events`));
    expect(audit.length).toBeGreaterThan(0);
    expect(findNeedles(JSON.stringify(audit))).toEqual([]);

    expect(logs.length).toBeGreaterThan(5);
    const logText = logs.join('');
    expect(logText).toContain('incoming request'); // the request log was on
    expect(findNeedles(logText)).toEqual([]);
    expect(logText).not.toContain(code);

    // A dump of every table, as JSON rows (what `loa backup` writes is these rows).
    const tables = rowsOf<{ name: string }>(
      await t.c.database.db.execute(sql`SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`),
    );
    expect(tables.map((x) => x.name)).toContain('rumor_informants');
    let dump = '';
    for (const { name } of tables) dump += JSON.stringify(rowsOf(await t.c.database.db.execute(sql.raw(`SELECT row_to_json(t) AS r FROM ${name} t`))));
    expect(dump).toContain(code); // the dump is real: the report is there
    expect(findNeedles(dump)).toEqual([]);
    // Not even folded or digits-only forms of the phone number.
    expect(dump.replace(/\D/g, ' ')).not.toMatch(/\b0?912345678\b/);

    for (const key of await t.c.files.list()) {
      const f = await t.c.files.open(key);
      const chunks: Buffer[] = [];
      for await (const c of f!.stream) chunks.push(c as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.includes(GPS_MARK), key).toBe(false);
      expect(findNeedles(bytes.toString('latin1')), key).toEqual([]);
    }
  });
});
