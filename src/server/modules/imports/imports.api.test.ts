/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { TAM_DUONG, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { client } from '../../../../test/builders/directives.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/seeds');
const seed = (n: string) => readFileSync(path.join(seedsDir, `${n}.txt`));
const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });

/** A PDF with a drawing and no text layer: what a scanner produces. */
function scannedPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.rect(60, 60, 400, 600).fill('#888888');
    doc.end();
  });
}

describeApi('imports: công văn upload → proposal → received document, tasks and report form', (kind) => {
  let t: TestContext;
  let call: ReturnType<typeof client>;
  let office: { id: string };
  let station: { id: string };
  let group: { id: string };
  let drafter: Session;
  let clerk: Session;
  let communeClerk: Session;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    office = await buildUnit(t.c, { name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    station = await buildUnit(t.c, { name: 'Đài Truyền thanh - Truyền hình huyện Tam Đường', kind: 'radio_tv' });
    group = await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: office.id,
      name: 'UBND các xã, thị trấn',
      rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
    });
    drafter = (await buildSignedInUser(t.c, { unitId: office.id, roles: ['drafter'] })).session;
    clerk = (await buildSignedInUser(t.c, { unitId: office.id, roles: ['clerk'] })).session;
    communeClerk = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'] })).session;
    call = client(t.app);
  });
  afterAll(() => t.close());

  it('proposes issuer, recipients and tasks for seed 002, and confirming files it in the inbox with tasks and the weekly report form', async () => {
    const bytes = seed('002');
    const res = await call(drafter, 'POST', '/api/imports', upload('002.txt', bytes));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const imp = res.body.import;
    expect(imp).toMatchObject({ unitId: office.id, format: 'txt', status: 'proposed', duplicateOf: null });
    expect(imp.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));

    // Issuer from the symbol VHTT, the place and the body: the Phòng VH-TT of Tam Đường in the directory.
    const p = imp.proposal;
    expect(p.issuer).toMatchObject({ id: office.id });
    expect(p.issuer.evidence).toEqual(expect.arrayContaining(['symbol', 'place']));
    const symbol = p.fields.find((f: { field: string }) => f.field === 'symbol');
    expect(symbol).toMatchObject({ value: 'VHTT', flagged: false });
    expect(symbol.source.line).toBe(3);
    expect(symbol.source.text).toContain('Số: /VHTT');
    // The number and the day are blank on the paper: flagged for the officer.
    expect(p.fields.find((f: { field: string }) => f.field === 'number')).toMatchObject({ value: null, flagged: true });
    expect(p.fields.find((f: { field: string }) => f.field === 'date')).toMatchObject({ value: '2021-02', flagged: true });
    expect(p.flagged).toEqual(expect.arrayContaining(['number', 'date']));

    // "UBND các xã, thị trấn" → the group of communes under Tam Đường, with confidence and source line.
    const communes = p.recipients.find((r: { text: string }) => r.text === 'UBND các xã, thị trấn');
    expect(communes.target).toMatchObject({ type: 'group', id: group.id });
    expect(communes.confidence).toBeGreaterThanOrEqual(0.9);
    expect(communes.source.text).toContain('UBND các xã, thị trấn');
    const stationMatch = p.addressees.find((a: { section: string; text: string }) => a.section === '2' && a.text.startsWith('Đài'));
    expect(stationMatch.target).toMatchObject({ type: 'unit', id: station.id });

    // Tasks of sections 2 and 3; section 3 carries the weekly report (Thursdays 16:00 in 02/2021).
    const reportTask = p.tasks.find((x: { section: string }) => x.section === '3');
    expect(reportTask.assignees).toEqual({ unitIds: [station.id], groupIds: [group.id] });
    expect(reportTask.dueRule).toEqual({ kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' });
    expect(reportTask.reportForm.indicators.map((i: { key: string }) => i.key)).toEqual(['so_tin_bai', 'do_dai_tin_bai', 'so_luot_phat_song', 'uoc_so_nguoi_nghe']);
    // A low-confidence (flagged) match never becomes an assignee before the officer confirms it.
    const flagged = p.addressees.filter((a: { flagged: boolean; target: unknown }) => a.flagged && a.target).map((a: { target: { id: string } }) => a.target.id);
    for (const task of p.tasks) for (const id of [...task.assignees.unitIds, ...task.assignees.groupIds]) expect(flagged).not.toContain(id);

    const confirmed = await call(drafter, 'POST', `/api/imports/${imp.id}/confirm`, { subject: 'Tăng cường công tác tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.import).toMatchObject({ status: 'confirmed', directiveId: confirmed.body.directive.id });
    expect(confirmed.body.directive).toMatchObject({ issuerUnitId: office.id, fullSymbol: '/VHTT', status: 'issued' });
    expect(confirmed.body.arrivalNumber).toBe('01');

    // The received document is in the unit's inbox with its arrival number and the corrected subject.
    const inbox = await call(drafter, 'GET', '/api/inbox');
    expect(inbox.body.total).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ itemId: confirmed.body.inboxItemId, arrivalNumber: '01', directive: { id: confirmed.body.directive.id } });
    const opened = await call(drafter, 'GET', `/api/inbox/${confirmed.body.inboxItemId}`);
    expect(opened.body.directive).toMatchObject({ subject: 'Tăng cường công tác tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021', signer: { name: 'Đỗ Trọng Thi' } });
    expect(opened.body.directive.body.sections.map((s: { number: string }) => s.number)).toEqual(['1', '2', '3']);

    // Tasks: one per section, 3 with the report form; section 1 for the communes its second sentence names.
    expect(p.tasks.find((x: { section: string }) => x.section === '1').assignees.groupIds).toEqual([group.id]);
    expect(confirmed.body.tasks).toHaveLength(3);
    expect(confirmed.body.skippedTasks).toHaveLength(0);
    const created = confirmed.body.tasks.find((x: { reportForm: boolean }) => x.reportForm);
    const communesOfTamDuong = (await t.c.services.units.listChildren(SYSTEM_ACTOR, TAM_DUONG, '2021-02-01')).filter((u) => u.kind === 'commune');
    expect(created.assignees).toBe(communesOfTamDuong.length + 1);
    const task = await call(drafter, 'GET', `/api/tasks/${created.id}`);
    expect(task.status, JSON.stringify(task.body)).toBe(200);
    expect(task.body.task).toMatchObject({ directiveId: confirmed.body.directive.id, section: '3', dueRule: { kind: 'weekly', weekday: 4, time: '16:00' } });
    expect(task.body.reportForm.indicators).toHaveLength(4);

    // Audited: the import, its confirmation, and the registration of the received document.
    expect((await auditEventsFor(t.c, imp.id)).map((e) => e.action)).toEqual(['import.create', 'import.confirm']);
    expect((await auditEventsFor(t.c, confirmed.body.directive.id)).map((e) => e.action)).toContain('directive.receive.register');

    // Confirming twice is refused.
    const again = await call(drafter, 'POST', `/api/imports/${imp.id}/confirm`, {});
    expect(again.status).toBe(409);
  });

  it('detects the same file imported twice by the same unit', async () => {
    const bytes = seed('003');
    const first = await call(clerk, 'POST', '/api/imports', upload('003.txt', bytes));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call(clerk, 'POST', '/api/imports', upload('ban-sao-003.txt', bytes));
    expect(second.status).toBe(200);
    expect(second.body.import).toMatchObject({ id: first.body.import.id, duplicateOf: first.body.import.id, fileName: '003.txt' });
    // Another unit importing the same file is a separate import.
    const other = await call(communeClerk, 'POST', '/api/imports', upload('003.txt', bytes));
    expect(other.status).toBe(201);
    expect(other.body.import.duplicateOf).toBeNull();
  });

  it('accepts multipart/form-data and checks the type from the content, not the name', async () => {
    const boundary = '----loa-import-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="004.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      seed('004'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...clerk.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().import).toMatchObject({ fileName: '004.txt', format: 'txt' });

    // A binary file named .txt is refused (415), whatever its name says.
    const binary = await call(clerk, 'POST', '/api/imports', upload('cv.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])));
    expect(binary.status).toBe(415);
    expect(binary.body.error.code).toBe('IMPORT_UNSUPPORTED_FILE');
  });

  it('rejects a scanned PDF without text with a clear Vietnamese message', async () => {
    const res = await call(clerk, 'POST', '/api/imports', upload('scan.pdf', await scannedPdf()));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_UNREADABLE');
    expect(res.body.error.message).toMatch(/không có lớp văn bản.*OCR/u);
  });

  it('lets only the importing unit see and confirm its import; others get 404, anonymous 401', async () => {
    const res = await call(clerk, 'POST', '/api/imports', upload('001.txt', seed('001')));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.import.id;
    expect((await call(communeClerk, 'POST', `/api/imports/${id}/confirm`, {})).status).toBe(404);
    expect((await call(communeClerk, 'GET', `/api/imports/${id}`)).status).toBe(404);
    expect((await call(null, 'POST', '/api/imports', upload('001.txt', seed('001')))).status).toBe(401);
    // A reporter holds no import permission.
    const reporter = (await buildSignedInUser(t.c, { unitId: office.id, roles: ['reporter'] })).session;
    expect((await call(reporter, 'POST', '/api/imports', upload('x.txt', Buffer.from('Số: 1/ABC')))).status).toBe(403);

    // The clerk confirms a dispatch from outside the directory (issuer: null) with its printed number and date.
    const confirmed = await call(clerk, 'POST', `/api/imports/${id}/confirm`, {
      issuerUnitId: null,
      number: 45,
      date: '2020-03-10',
      issuer: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.directive).toMatchObject({ fullSymbol: '45/STTTT-BCXB', issuer: 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa' });
    // Filed under the unit's external-senders entry; the clerk who registers it also creates its tasks.
    expect(confirmed.body.directive.issuerUnitId).not.toBe(office.id);
    expect(confirmed.body.skippedTasks.filter((x: { reason: string }) => /quyền/u.test(x.reason))).toEqual([]);
    const inbox = await call(clerk, 'GET', '/api/inbox');
    expect(inbox.body.items.some((i: { directive: { id: string } }) => i.directive.id === confirmed.body.directive.id)).toBe(true);
  });
});
