import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { LAI_CHAU, TT_TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { buildList, countRowsWhere } from '../../../../test/builders/broadcasts.ts';
import type { Role } from '../access/index.ts';
import { segment } from '../../../shared/sms/segments.ts';
import { BroadcastRoutesOutSchema, BroadcastViewSchema, TelcoResultOutSchema } from '../../../shared/contracts/broadcasts.ts';
import type { BroadcastView } from '../../../shared/contracts/broadcasts.ts';

/** Seed 001, section 3: the message the Sở asks the telcos to text every subscriber of the province (between “ ”). */
function seed001Message(): string {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/seeds/001.txt'), 'utf8');
  const m = /Nội dung tin nhắn như sau:\s*\**“([^”]+)”/u.exec(text);
  if (!m?.[1]) throw new Error('seed 001: message not found');
  return m[1].normalize('NFC');
}

/**
 * Issue #12 point 7 over HTTP, without an SMS account (seed 001's way): the province's broadcast defaults to the
 * telco request route; approving it drafts a Decree 30 công văn to the province's telcos with the exact text in
 * quotes, its encoding and parts, the area and the time; the telcos' replies are the result and the total.
 */
describe('broadcasts: telco request (no SMS account)', () => {
  let t: TestContext;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'communeDrafter' | 'communeApprover', Session>> = {};
  const telcos: Record<string, string> = {};
  const message = seed001Message();
  let id = '';
  const as = (who: keyof typeof s) => s[who]!.headers;
  const post = (url: string, who: keyof typeof s, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...as(who), ...headers }, ...(payload ? { payload } : {}) });
  const get = async (who: keyof typeof s, bid = id): Promise<BroadcastView> =>
    BroadcastViewSchema.parse((await t.app.inject({ method: 'GET', url: `/api/broadcasts/${bid}`, headers: as(who) })).json().broadcast);
  const body = (o: object = {}) => ({
    unitId: LAI_CHAU,
    title: 'Tăng cường sử dụng dịch vụ công trực tuyến',
    priority: 'thuong',
    smsText: message,
    unaccented: false,
    audience: { unitIds: [LAI_CHAU], listIds: [] },
    ...o,
  });

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    for (const name of ['Viettel Lai Châu', 'VNPT Lai Châu', 'MobiFone Lai Châu']) telcos[name] = (await buildUnit(t.c, { parentId: LAI_CHAU, name, kind: 'telco' })).id;
    const make = async (roles: Role[], unitId = LAI_CHAU) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    for (const r of ['drafter', 'approver', 'viewer'] as const) s[r] = await make([r]);
    s.communeDrafter = await make(['drafter'], TT_TAM_DUONG);
    s.communeApprover = await make(['approver'], TT_TAM_DUONG);
  });
  afterAll(() => t.close());

  it('defaults a new broadcast to the telco request when Loa has no SMS account', async () => {
    const routes = BroadcastRoutesOutSchema.parse((await t.app.inject({ url: '/api/broadcasts/routes', headers: as('drafter') })).json());
    expect(routes).toEqual({ smsAccount: false, defaultRoute: 'telco_request' });
    const res = await post('/api/broadcasts', 'drafter', body());
    expect(res.statusCode, res.body).toBe(201);
    const b = BroadcastViewSchema.parse(res.json().broadcast);
    id = b.id;
    expect(b).toMatchObject({ route: 'telco_request', smsAccount: false, telcoRequest: null, telcoResults: [], telcoTotal: 0, textToSend: message });
    expect(b.capabilities).toMatchObject({ recordTelcoResult: false, finish: false });
  });

  it('approval drafts the công văn to the telcos in the same step: Decree 30 layout, the exact text in quotes, encoding, parts, area, time', async () => {
    expect((await post(`/api/broadcasts/${id}/submit`, 'drafter')).statusCode).toBe(200);
    const res = await post(`/api/broadcasts/${id}/approve`, 'approver');
    expect(res.statusCode, res.body).toBe(200);
    const b = BroadcastViewSchema.parse(res.json().broadcast);
    expect(b.status).toBe('sending');
    expect(b.telcoRequest).toMatchObject({
      status: 'draft',
      number: null,
      telcos: Object.entries(telcos)
        .map(([name, tid]) => ({ id: tid, name }))
        .sort((x, y) => x.name.localeCompare(y.name, 'vi')),
    });
    expect(await countRowsWhere(t.c, 'jobs', `sms:${id}:%`)).toBe(0);
    expect(await countRowsWhere(t.c, 'sms_deliveries', id)).toBe(0);
    const directiveId = b.telcoRequest!.directiveId;

    const d = (await t.app.inject({ url: `/api/directives/${directiveId}`, headers: as('drafter') })).json().directive;
    expect(d).toMatchObject({ docType: 'CV', status: 'draft', issuerUnitId: LAI_CHAU, subject: 'Đề nghị nhắn tin tăng cường sử dụng dịch vụ công trực tuyến' });
    expect([...d.recipients.units].sort()).toEqual(Object.values(telcos).sort());
    expect(d.capabilities.edit).toBe(true);

    const s1 = segment(message);
    expect(s1).toMatchObject({ encoding: 'ucs2' });
    const docx = await t.app.inject({ url: `/api/directives/${directiveId}/docx`, headers: as('drafter') });
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value.replace(/\u00a0/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text.replace(/\s+/g, ' ')).toContain('V/v Đề nghị nhắn tin tăng cường sử dụng dịch vụ công trực tuyến');
    expect(text).toContain('Kính gửi');
    for (const name of Object.keys(telcos)) expect(text).toContain(name);
    expect(text).toContain(`“${message}”`);
    expect(text).toContain('Mã hóa: UCS-2 (có dấu)');
    expect(text).toContain(`Số phần tin: ${s1.parts}/tin`);
    expect(text).toMatch(/Khu vực nhắn tin: các thuê bao di động trên địa bàn Tỉnh Lai Châu/);
    expect(text).toContain('trong khung giờ từ 07:00 đến 22:00');
    expect(text).toContain(`thông điệp ${id} trên hệ thống Loa`);
    expect((await auditEventsFor(t.c, id)).map((e) => e.action)).toEqual(['broadcast.create', 'broadcast.submit', 'broadcast.approve']);
  });

  it('records the telcos’ replies as the result, with their total; a retried POST records once', async () => {
    const first = await post(
      `/api/broadcasts/${id}/telco-results`,
      'drafter',
      { telcoUnitId: telcos['Viettel Lai Châu'], subscribers: 412_530 },
      { 'idempotency-key': 'reply-viettel-1' },
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(TelcoResultOutSchema.parse(first.json())).toMatchObject({ replayed: false, result: { telcoName: 'Viettel Lai Châu', subscribers: 412_530 } });
    const again = await post(
      `/api/broadcasts/${id}/telco-results`,
      'drafter',
      { telcoUnitId: telcos['Viettel Lai Châu'], subscribers: 412_530 },
      { 'idempotency-key': 'reply-viettel-1' },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    const clash = await post(
      `/api/broadcasts/${id}/telco-results`,
      'drafter',
      { telcoUnitId: telcos['Viettel Lai Châu'], subscribers: 1 },
      { 'idempotency-key': 'reply-viettel-1' },
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toBe('Khóa Idempotency-Key này đã được dùng cho một kết quả khác.');
    const second = await post(`/api/broadcasts/${id}/telco-results`, 'drafter', { telcoName: 'VNPT Lai Châu', subscribers: 120_000, note: 'Công văn trả lời số 15/VNPT-LCU' });
    expect(second.statusCode, second.body).toBe(201);

    const b = await get('viewer');
    expect(b.telcoResults.map((r) => [r.telcoName, r.subscribers]).sort()).toEqual([
      ['VNPT Lai Châu', 120_000],
      ['Viettel Lai Châu', 412_530],
    ]);
    expect(b.telcoTotal).toBe(532_530);
    expect(b.capabilities).toMatchObject({ recordTelcoResult: false, finish: false });
    expect((await get('drafter')).capabilities).toMatchObject({ recordTelcoResult: true, finish: true });
    expect((await auditEventsFor(t.c, id)).filter((e) => e.action === 'broadcast.telco_result')).toHaveLength(2);
  });

  it('finish moves it to done; late replies still count', async () => {
    const done = await post(`/api/broadcasts/${id}/finish`, 'drafter');
    expect(done.statusCode, done.body).toBe(200);
    expect(BroadcastViewSchema.parse(done.json().broadcast)).toMatchObject({ status: 'done', capabilities: { finish: false, recordTelcoResult: true } });
    expect((await post(`/api/broadcasts/${id}/finish`, 'drafter')).statusCode).toBe(409);
    expect((await post(`/api/broadcasts/${id}/telco-results`, 'drafter', { telcoUnitId: telcos['MobiFone Lai Châu'], subscribers: 80_000 })).statusCode).toBe(201);
    expect((await get('viewer')).telcoTotal).toBe(612_530);
    expect((await auditEventsFor(t.c, id)).map((e) => e.action)).toContain('broadcast.finish');
  });

  it('access: a commune user cannot record for the province’s broadcast (404), a viewer may not (403); wrong ids 404 in Vietnamese', async () => {
    const reply = { telcoName: 'Viettel Lai Châu', subscribers: 5 };
    for (const who of ['communeDrafter', 'communeApprover'] as const) {
      const res = await post(`/api/broadcasts/${id}/telco-results`, who, reply);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.message).toBe('Không tìm thấy dữ liệu.');
      expect((await post(`/api/broadcasts/${id}/finish`, who)).statusCode, who).toBe(404);
    }
    expect((await post(`/api/broadcasts/${id}/telco-results`, 'viewer', reply)).statusCode).toBe(403);
    const missing = await post('/api/broadcasts/00000000-0000-4000-8000-000000000000/telco-results', 'drafter', reply);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy dữ liệu.');
    expect((await post('/api/broadcasts/00000000-0000-4000-8000-000000000000/finish', 'drafter')).statusCode).toBe(404);
    const notTelco = await post(`/api/broadcasts/${id}/telco-results`, 'drafter', { telcoUnitId: TT_TAM_DUONG, subscribers: 5 });
    expect(notTelco.statusCode).toBe(400);
    expect(notTelco.json().error.message).toBe('Không tìm thấy nhà mạng đã chọn.');
    expect((await post(`/api/broadcasts/${id}/telco-results`, 'drafter', { subscribers: 5 })).statusCode).toBe(400);
    expect((await post(`/api/broadcasts/${id}/telco-results`, 'drafter', { telcoName: 'x', subscribers: -1 })).statusCode).toBe(400);
    expect((await get('viewer')).telcoTotal).toBe(612_530);
  });

  it('an SMS broadcast takes no telco replies, and a telco request before approval takes none either', async () => {
    const list = await buildList(t.c, TT_TAM_DUONG, 1, 900);
    const sms = await post('/api/broadcasts', 'communeDrafter', { ...body({ unitId: TT_TAM_DUONG, audience: { unitIds: [], listIds: [list] } }), route: 'smpp' });
    expect(sms.statusCode, sms.body).toBe(201);
    const smsId = sms.json().broadcast.id as string;
    const res = await post(`/api/broadcasts/${smsId}/telco-results`, 'communeDrafter', { telcoName: 'Viettel', subscribers: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Thông điệp này không gửi bằng công văn đề nghị nhà mạng.');
    const draft = await post('/api/broadcasts', 'drafter', body());
    const early = await post(`/api/broadcasts/${draft.json().broadcast.id}/telco-results`, 'drafter', { telcoName: 'Viettel', subscribers: 1 });
    expect(early.statusCode).toBe(409);
  });
});
