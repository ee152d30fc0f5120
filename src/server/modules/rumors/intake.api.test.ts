import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { GPS_MARK, INFORMANT, buildDesks, codeOf, jpegWithGps, multipart, submitPortal } from '../../../../test/support/rumors-intake.ts';
import type { Desk } from '../../../../test/support/rumors-intake.ts';
import type { RumorReportCreated, RumorPublicStatusView } from '../../../shared/contracts/rumors-intake.ts';

const NOW = new Date('2026-12-01T02:00:00Z');

/** Intake: staff entry (JSON and multipart), the public form and its refusals (nothing typed is lost), the status page. */
describeApi('rumors intake API', () => {
  let t: TestContext;
  let d: Desk;
  const staff = (who: keyof Desk['s'], payload: object) => t.app.inject({ method: 'POST', url: '/api/rumors/reports', headers: d.s[who].headers, payload });

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
  });
  afterAll(async () => t?.close());

  it('a portal without any desk lead says to call the hotline instead (and keeps what was typed)', async () => {
    const res = await submitPortal(t, { description: 'Trước khi có bàn tiếp nhận' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Chưa có đơn vị tiếp nhận');
    expect(res.body).toContain('Trước khi có bàn tiếp nhận');
    expect(res.body).toContain('value="yes" required checked');
    d = await buildDesks(t);
  });

  it('staff enter a report (JSON): a case is opened in their unit, the informant is sealed and the audit says what, not who', async () => {
    const res = await staff('drafter', {
      description: 'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu" lan truyền trên mạng',
      urls: ['https://www.facebook.com/watch/?v=123'],
      seenAt: '2026-11-30T08:00:00+07:00',
      informant: { name: INFORMANT.name, phone: INFORMANT.phone },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<RumorReportCreated>();
    expect(body.opened).toBe(true);
    expect(body.report).toMatchObject({ channel: 'staff', hasInformant: true, canNotify: true, urls: ['https://www.facebook.com/watch/?v=123'], file: null });
    expect(body.report.code).toMatch(/^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.case).toMatchObject({ unitId: d.soId, status: 'unverified', reportCount: 1 });
    expect(res.body).not.toContain(INFORMANT.name);
    const audit = await auditEventsFor(t.c, body.report.id);
    expect(audit.map((a) => a.action)).toEqual(['rumor.report.create']);
    expect(JSON.stringify(audit)).not.toContain(INFORMANT.name);
    expect(JSON.stringify(audit)).not.toContain('0912345678');
  });

  it('staff entry takes multipart with an image: metadata stripped, served back to desk staff only under the report code', async () => {
    const body = multipart(
      { description: 'Ảnh chụp bài đăng sai sự thật', urls: 'https://zalo.me/a\nhttps://tiktok.com/@x/video/1', informantEmail: INFORMANT.email },
      { name: INFORMANT.fileName, content: jpegWithGps() },
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/rumors/reports', headers: { ...d.s.drafter.headers, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    const { report } = res.json<RumorReportCreated>();
    expect(report.urls).toHaveLength(2);
    expect(report.file).toMatchObject({ type: 'jpeg' });
    const file = await t.app.inject({ method: 'GET', url: `/api/rumors/reports/${report.id}/file`, headers: d.s.viewer.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${report.code}.jpg"`);
    expect(file.rawPayload.includes(GPS_MARK)).toBe(false);
    expect(file.rawPayload.includes('TestCam')).toBe(false);
    expect(file.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // Another unit's desk does not even learn it exists; an anonymous caller is asked to sign in.
    expect((await t.app.inject({ method: 'GET', url: `/api/rumors/reports/${report.id}/file`, headers: d.s.otherLead.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/rumors/reports/${report.id}/file` })).statusCode).toBe(401);
  });

  it('staff entry refuses a non-image, a viewer, another unit and an empty report, with Vietnamese messages', async () => {
    const pdf = multipart({ description: 'Tệp PDF' }, { name: 'x.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: { ...d.s.drafter.headers, ...pdf.headers, 'accept-language': 'vi' },
      payload: pdf.payload,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('Chỉ nhận ảnh JPEG, PNG hoặc WebP');
    expect((await staff('viewer', { description: 'x' })).statusCode).toBe(403);
    expect((await staff('drafter', { description: 'x', unitId: d.otherSoId })).statusCode).toBe(404);
    expect((await staff('drafter', { description: '' })).statusCode).toBe(400);
    expect((await staff('drafter', { description: 'x', urls: ['javascript:alert(1)'] })).statusCode).toBe(400);
    expect((await staff('drafter', { description: 'x', informant: { phone: 'gọi tôi' } })).statusCode).toBe(422);
  });

  it('the portal form: a citizen sends a report with a photo and gets a code; the status page shows the status and nothing else', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/phan-anh-tin-sai' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('mã hóa và bảo mật tuyệt đối');
    expect(form.body).not.toMatch(/<script(?! type="application\/ld\+json")/);

    const res = await submitPortal(
      t,
      {
        description: 'Tin đồn đóng cửa khẩu Ma Lù Thàng từ ngày mai',
        links: 'https://www.facebook.com/groups/x/posts/1\n\nhttps://m.facebook.com/story.php?id=2',
        name: INFORMANT.name,
        phone: INFORMANT.phone,
        email: INFORMANT.email,
      },
      { name: INFORMANT.fileName, content: jpegWithGps() },
      { ip: INFORMANT.ip },
    );
    const code = codeOf(res);
    // A link alone is a report too.
    expect(codeOf(await submitPortal(t, { description: '', links: 'https://www.tiktok.com/@a/video/7300000000000000001' }))).not.toBe(code);
    const thanks = await t.app.inject({ method: 'GET', url: `/phan-anh-tin-sai/da-nhan/${code}` });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain(code);
    expect(thanks.headers['cache-control']).toBe('no-store');

    const status = await t.app.inject({ method: 'GET', url: `/phan-anh-tin-sai/${code}` });
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.body).toContain('Chưa xác minh');
    for (const needle of [INFORMANT.name, '0912345678', INFORMANT.emailNormalised, INFORMANT.ip]) expect(status.body).not.toContain(needle);
    // Typed loosely ("pa-xxxx xxxx") it is still found, through the lookup form.
    const loose = await t.app.inject({ method: 'GET', url: `/phan-anh-tin-sai/tra-cuu?ma=${encodeURIComponent(code.toLowerCase().replace('-', ' '))}` });
    expect(loose.statusCode).toBe(303);
    expect(loose.headers.location).toBe(`/phan-anh-tin-sai/${code}`);
    expect((await t.app.inject({ method: 'GET', url: '/phan-anh-tin-sai/PA-0000-0000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/phan-anh-tin-sai/PA-0000-0000' })).headers['cache-control']).toBe('no-store');

    // The report is in the receiving desk's unit (the oldest desk lead's), on the portal channel, with an informant to notify.
    const status2 = await t.c.services.rumorIntake.publicStatus(code);
    expect(status2).toMatchObject<Partial<RumorPublicStatusView>>({ code, status: 'unverified', verdict: null, verdictLabel: null, correctionUrl: null });
    const list = await t.app.inject({ method: 'GET', url: '/api/rumors/cases?limit=200', headers: d.s.lead.headers });
    expect(list.json<{ cases: { unitId: string }[] }>().cases.every((c) => c.unitId === d.soId)).toBe(true);
  });

  it('refusals keep what the citizen typed: honeypot, too fast, stale token, bad file, oversize, no consent, bad links', async () => {
    const typed = { description: 'Nội dung tôi đã gõ rất dài', links: 'https://example.vn/a', name: 'Người thử', phone: '', email: '' };
    const expectKept = (body: string) => {
      expect(body).toContain('Nội dung tôi đã gõ rất dài');
      expect(body).toContain('https://example.vn/a');
      expect(body).toContain('value="Người thử"');
    };
    const before = await t.app.inject({ method: 'GET', url: '/api/rumors/cases?limit=200', headers: d.s.lead.headers });
    const total = before.json<{ total: number }>().total;

    const honeypot = await submitPortal(t, { ...typed, website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(400);
    expectKept(honeypot.body);

    const fast = await submitPortal(t, typed, undefined, { waitMs: 500 });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('gửi quá nhanh');
    expectKept(fast.body);

    const badFile = await submitPortal(t, typed, { name: 'virus.jpg', content: Buffer.from('MZ\x90\0 not an image at all') });
    expect(badFile.statusCode).toBe(415);
    expect(badFile.body).toContain('Chỉ nhận ảnh JPEG, PNG hoặc WebP');
    expect(badFile.body).toContain('vui lòng chọn lại tệp');
    expectKept(badFile.body);

    const broken = await submitPortal(t, typed, { name: 'half.jpg', content: jpegWithGps().subarray(0, 30) });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('bị hỏng');

    const huge = Buffer.concat([jpegWithGps(), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const oversize = await submitPortal(t, { ...typed, name: 'Sau tệp' }, { name: 'big.jpg', content: huge });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.body).toContain('Tệp quá lớn: tối đa 10 MB');
    expect(oversize.body).toContain('Nội dung tôi đã gõ rất dài');

    const noConsent = await submitPortal(t, { ...typed, consent: '' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('đánh dấu ô đồng ý');
    expectKept(noConsent.body);

    const links = await submitPortal(t, { ...typed, links: 'ftp://x.example/a\nhttps://ok.example' });
    expect(links.statusCode).toBe(422);
    expect(links.body).toContain('mỗi dòng một liên kết');
    const tooMany = await submitPortal(t, { ...typed, links: Array.from({ length: 11 }, (_, i) => `https://x.example/${i}`).join('\n') });
    expect(tooMany.statusCode).toBe(422);

    const empty = await submitPortal(t, { ...typed, description: '', links: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Vui lòng mô tả thông tin bạn thấy');

    const contact = await submitPortal(t, { ...typed, email: 'not-an-email' });
    expect(contact.statusCode).toBe(422);
    expect(contact.body).toContain('Thông tin liên hệ chưa hợp lệ');

    // None of these filed anything.
    const after = await t.app.inject({ method: 'GET', url: '/api/rumors/cases?limit=200', headers: d.s.lead.headers });
    expect(after.json<{ total: number }>().total).toBe(total);

    // Last (the clock moves a day: sessions expire): a form older than 24 hours must be reloaded.
    const stale = await submitPortal(t, typed, undefined, { waitMs: 25 * 3_600_000 });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('hết hạn');
  });

  it('the form is rate-limited per address, like the question form (five per ten minutes)', async () => {
    for (let n = 0; n < 5; n++) expect((await submitPortal(t, { description: 'x', website: 'bot' }, undefined, { ip: '192.0.2.50' })).statusCode).toBe(400);
    const sixth = await submitPortal(t, { description: 'x' }, undefined, { ip: '192.0.2.50' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('text/html');
    // Another address is not held back.
    expect((await submitPortal(t, { description: 'Tin đồn thử giới hạn từ địa chỉ khác' }, undefined, { ip: '192.0.2.51' })).statusCode).toBe(303);
  });
});
