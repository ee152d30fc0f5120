import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { LAI_CHAU, TAM_DUONG, TT_TAM_DUONG, buildUnit, buildUser, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import { reportSubject } from './rollup-export.ts';

const FIGURES = { so_tin_bai: 3, do_dai_tin_bai: 25, so_luot_phat_song: 6, uoc_so_nguoi_nghe: 400 };
const EVIL = '=HYPERLINK("http://evil.example","Bấm vào đây")';

async function docxText(body: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: body })).value.replace(/\u00a0/g, ' ');
}

async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(body));
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const items = (await (await doc.getPage(p)).getTextContent()).items;
    parts.push(items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return parts
    .join('\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Both files of the upward report say the same: checked on the text read back from each. */
function expectReport(text: string, parts: { issuerParent?: string; issuer: string; symbol: string; place: string; recipient: string; signer: string[] }): void {
  const flat = text.replace(/\s+/g, ' ');
  if (parts.issuerParent) expect(flat).toContain(parts.issuerParent);
  expect(flat).toContain(parts.issuer);
  expect(flat).toMatch(new RegExp(`Số: +/${parts.symbol}`));
  expect(flat).toContain(parts.place);
  expect(flat).toContain('BÁO CÁO');
  expect(flat).toContain(`Kính gửi: ${parts.recipient}`);
  for (const s of parts.signer) expect(flat).toContain(s);
  expect(flat).toContain('Tổng cộng');
  expect(flat).toContain('Chưa báo cáo:');
  expect(flat).not.toContain('THỦ TRƯỞNG CƠ QUAN');
  expect(flat).not.toMatch(/Số: *\/BC(?!-)/);
  expect(flat).not.toMatch(/\d{4}-\d{2}-\d{2}/);
}

describe('report subject', () => {
  it('is short: the first clause of a paragraph title, without "Báo cáo nhanh"', () => {
    expect(reportSubject('Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021')).toBe('Kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021');
    const paragraph =
      'Báo cáo kết quả công tác tuyên truyền phòng, chống dịch COVID-19 trên hệ thống đài truyền thanh cơ sở, gửi về Phòng Văn hóa và Thông tin trước 16 giờ thứ Năm hằng tuần; nội dung gồm số lượng tin, bài, độ dài tin, bài và số lượt phát sóng.';
    const s = reportSubject(paragraph);
    expect(s.startsWith('Kết quả công tác tuyên truyền phòng, chống dịch COVID-19')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(110);
    expect(s).not.toContain('gửi về');
  });
});

/** 2025 tree: the district office reports its communes' figures up to the province department that asked. */
describeApi('upward report and exports — a district office reports to the province (2025)', (kind) => {
  let t: TestContext;
  let officeDrafter: Session;
  let taskId: string;
  const P1 = '2021-02-04';

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Sở Thông tin và Truyền thông', kind: 'department' });
    const office = await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
    const evil = await buildUnit(t.c, { parentId: TAM_DUONG, name: EVIL, kind: 'other' });
    await t.c.services.users.createUser(SYSTEM_ACTOR, {
      username: 'truongphong.td',
      displayName: 'Lò Văn Bình',
      email: null,
      unitId: office.id,
      roles: ['approver'],
      password: 'mat-khau-Thu-nghiem-2021',
    });
    officeDrafter = await signIn(t.c, (await buildUser(t.c, { unitId: office.id, roles: ['drafter'] })).username);
    const soDrafter = await signIn(t.c, (await buildUser(t.c, { unitId: so.id, roles: ['drafter'] })).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: soDrafter.headers,
      payload: {
        issuerUnitId: so.id,
        title: 'Báo cáo nhanh kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021, gửi về Sở trước 16 giờ thứ Năm hằng tuần',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' },
        assignees: { unitIds: [evil.id], rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = (created.json() as { task: { id: string } }).task.id;
    const reporter = await signIn(t.c, (await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['reporter'] })).username);
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/submissions`, headers: reporter.headers, payload: { values: FIGURES } })).statusCode).toBe(201);
    t.clock.set(new Date('2021-02-05T03:00:00Z'));
    officeDrafter = await signIn(t.c, (await buildUser(t.c, { unitId: office.id, roles: ['drafter'] })).username);
  });
  afterAll(() => t.close());

  const download = (file: string) => t.app.inject({ url: `/api/tasks/${taskId}/${file}?unitId=${TAM_DUONG}&period=${P1}`, headers: officeDrafter.headers });
  const expected = {
    issuerParent: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
    issuer: 'PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN TAM ĐƯỜNG',
    symbol: 'BC-PVHTT',
    place: 'Lai Châu, ngày 05 tháng 02 năm 2021',
    recipient: 'Sở Thông tin và Truyền thông tỉnh Lai Châu',
    signer: ['TRƯỞNG PHÒNG', 'Lò Văn Bình'],
  };

  it('writes the DOCX upward report in the Decree 30 layout, with a short title and the figures', async () => {
    const res = await download('report.docx');
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    expectReport(text, expected);
    expect(text).toContain('Kết quả tuyên truyền dịp Tết Nguyên đán Tân Sửu 2021 (tuần 06/2021)');
    expect(text).not.toContain('gửi về Sở trước 16 giờ thứ Năm hằng tuần (tuần');
    expect(text).toContain('Thị trấn Tam Đường');
    expect(text).toContain('25 phút');
  });

  it('writes the same report as a PDF', async () => {
    const res = await download('report.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expectReport(await pdfText(res.rawPayload), expected);
  });

  it('shows the deadline in Viet Nam time in the XLSX, never as a UTC ISO string', async () => {
    const res = await download('rollup.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const cells = rows.flat().map(String);
    expect(cells).toContain('16:00 04/02/2021');
    expect(cells.some((c) => c.includes('Tuần 06/2021 (hạn 16:00 thứ Năm, 04/02/2021)'))).toBe(true);
    expect(cells.some((c) => /\d{4}-\d{2}-\d{2}T/.test(c))).toBe(false);
  });

  it('neutralises a unit name that is a spreadsheet formula in the CSV', async () => {
    const res = await download('rollup.csv');
    expect(res.statusCode).toBe(200);
    const line = res.body.split('\r\n').find((l) => l.includes('HYPERLINK'));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

/** 2026 tree: a commune reports straight to the province department; it has no approver account. */
describeApi('upward report — a commune reports to the province (2026)', (kind) => {
  let t: TestContext;
  let reporter: Session;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T03:00:00Z') });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');
    const BINH_LU = unitIdFor('vn-2026', '03390');
    const so = await buildUnit(t.c, { parentId: LAI_CHAU_2026, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' });
    const soDrafter = await signIn(t.c, (await buildUser(t.c, { unitId: so.id, roles: ['drafter'] })).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: soDrafter.headers,
      payload: {
        issuerUnitId: so.id,
        title: 'Báo cáo kết quả tuyên truyền trên đài truyền thanh cấp xã',
        dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2026-11-01', until: '2027-06-30' },
        assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: LAI_CHAU_2026 }] },
        reportForm: { template: 'tuyen-truyen' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = (created.json() as { task: { id: string } }).task.id;
    reporter = await signIn(t.c, (await buildUser(t.c, { unitId: BINH_LU, roles: ['reporter'] })).username);
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/submissions`, headers: reporter.headers, payload: { values: FIGURES } })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const expected = {
    issuer: 'ỦY BAN NHÂN DÂN XÃ BÌNH LƯ',
    symbol: 'BC-UBND',
    place: 'Lai Châu, ngày 01 tháng 12 năm 2026',
    recipient: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu',
    signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  };

  it('prints the commune as issuer, the department as Kính gửi, and a named position to sign', async () => {
    const docx = await t.app.inject({ url: `/api/tasks/${taskId}/report.docx?period=2026-12-03`, headers: reporter.headers });
    expect(docx.statusCode, docx.body).toBe(200);
    const text = await docxText(docx.rawPayload);
    expectReport(text, expected);
    expect(text).toContain('Kết quả tuyên truyền trên đài truyền thanh cấp xã (tuần 49/2026)');
    const pdf = await t.app.inject({ url: `/api/tasks/${taskId}/report.pdf?period=2026-12-03`, headers: reporter.headers });
    expect(pdf.statusCode).toBe(200);
    expectReport(await pdfText(pdf.rawPayload), expected);
  });
});
