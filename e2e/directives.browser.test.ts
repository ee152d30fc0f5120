import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../test/support/harness.ts';
import type { TestContext } from '../test/support/harness.ts';
import { PASSWORD, TAM_DUONG, TT_TAM_DUONG, buildUnit, buildUser, importLaiChau } from '../test/factories.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import { axeViolations, launchChromium, openAdminAs } from './browser.ts';

/**
 * A công văn's journey through the admin UI, one browser context per person: the drafter composes it
 * to the group "UBND các xã, thị trấn" and submits it, the leader approves and signs, the clerk issues
 * it (number 01), a commune's clerk finds it in the inbox and acknowledges it, and the issuer's
 * tracking shows that commune as acknowledged.
 *
 * The server clock is fixed at 05/02/2021 10:00 (Vietnam time), so the document is dated that day.
 */
describe('admin UI: outgoing and incoming documents (chromium)', () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;
  let communeCount = 0;

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: new Date('2021-02-05T03:00:00Z'), app: { serveAdmin: true } });
    await importLaiChau(t.c);
    const office = await buildUnit(t.c, { name: 'Phòng Văn hóa và Thông tin', kind: 'office' });
    const group = await t.c.services.groups.createGroup(SYSTEM_ACTOR, {
      ownerUnitId: office.id,
      name: 'UBND các xã, thị trấn',
      rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
    });
    communeCount = (await t.c.services.groups.listMembers(SYSTEM_ACTOR, group.id, '2021-02-05')).length;
    await buildUser(t.c, { unitId: office.id, roles: ['drafter'], username: 'chuyenvien' });
    await buildUser(t.c, { unitId: office.id, roles: ['approver'], username: 'truongphong' });
    await buildUser(t.c, { unitId: office.id, roles: ['clerk'], username: 'vanthu' });
    await buildUser(t.c, { unitId: TT_TAM_DUONG, roles: ['clerk'], username: 'vanthu.thitran' });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signIn = (username: string): Promise<Page> => openAdminAs(browser, base, username, PASSWORD);

  const status = (page: Page, s: string) => page.locator(`[data-testid="directive-status"][data-status="${s}"]`).waitFor();

  async function openFirstOutgoing(page: Page): Promise<void> {
    await page.getByTestId('nav-outgoing').click();
    await page.getByTestId('directive-open').first().click();
  }

  it('drafts, submits, approves, signs, issues, delivers, acknowledges and tracks a công văn', async () => {
    // 1. The drafter composes the công văn.
    const drafter = await signIn('chuyenvien');
    await drafter.getByTestId('nav-outgoing').click();
    await drafter.getByTestId('compose-new').click();
    // Issuing body and place come from the drafter's unit.
    await expect.poll(() => drafter.getByTestId('f-place').inputValue()).toBe('Tam Đường');
    // The empty compose page (form, preview with its placeholders) passes WCAG 2.1 AA.
    expect(await axeViolations(drafter)).toEqual([]);
    expect(await drafter.getByTestId('f-issuerParent').inputValue()).toBe('UBND Huyện Tam Đường');
    await drafter.getByTestId('f-symbol').fill('VHTT-TT&TT');
    await drafter.getByTestId('f-subject').fill('Tăng cường tuyên truyền các thông tin chính thống về phòng chống dịch Covid-19 trên mạng xã hội');
    await drafter.getByTestId('f-public').check();
    await drafter.getByRole('checkbox', { name: 'UBND các xã, thị trấn' }).check();
    // Picking the group fills in Kính gửi; a second line makes it a list.
    const preview = drafter.getByTestId('doc-preview');
    expect(await drafter.getByTestId('f-addressees').inputValue()).toBe('UBND các xã, thị trấn');
    await preview.getByText('Kính gửi: UBND các xã, thị trấn').waitFor();
    await drafter.getByTestId('f-addressees').fill('Các cơ quan, ban, ngành, đoàn thể huyện\nUBND các xã, thị trấn');
    await drafter
      .getByTestId('f-opening')
      .fill('Thực hiện Thông báo số 897/TB-UBND ngày 05/8/2020 của UBND huyện Tam Đường, Phòng Văn hóa và Thông tin đề nghị UBND các xã, thị trấn thực hiện một số nội dung sau:');
    await drafter.getByTestId('f-section-heading-0').fill('Tuyên truyền trên mạng xã hội');
    await drafter
      .getByTestId('f-section-text-0')
      .fill(
        'Đẩy mạnh tuyên truyền đến từng cán bộ, công chức, viên chức và quần chúng Nhân dân. **Mọi thông tin của người cung cấp được bảo mật tuyệt đối.**\n- Theo dõi, thích trang thông tin điện tử của huyện;\n- Chia sẻ *thông tin chính thống*.',
      );
    await drafter.getByTestId('section-add').click();
    await drafter.getByTestId('f-section-text-1').fill('Báo cáo kết quả thực hiện về Phòng Văn hóa và Thông tin trước ngày 25/02/2021.');
    await drafter.getByTestId('f-closing').fill('Đề nghị các đơn vị triển khai thực hiện./.');
    await drafter.getByTestId('cc-add').click();
    await drafter.getByTestId('f-cc-name-0').fill('Như trên');
    await drafter.getByTestId('cc-add').click();
    await drafter.getByTestId('f-cc-name-1').fill('UBND huyện');
    await drafter.getByTestId('f-cc-purpose-1').selectOption('de_bao_cao');
    await drafter.getByTestId('f-signer-position').fill('Trưởng phòng');
    await drafter.getByTestId('f-signer-name').fill('Đỗ Trọng Thi');

    // The live preview follows the form: blank number, Kính gửi from the picked group, signer.
    const addressees = await preview.getByTestId('doc-addressees').innerText();
    expect(addressees).toContain('Kính gửi:');
    expect(addressees).toContain('- Các cơ quan, ban, ngành, đoàn thể huyện;');
    expect(addressees).toContain('- UBND các xã, thị trấn.');
    expect(await preview.getByTestId('doc-number').innerText()).toMatch(/^Số:\s+\/VHTT-TT&TT$/);
    expect(await preview.getByTestId('doc-subject').innerText()).toContain('V/v Tăng cường tuyên truyền');
    expect(await preview.innerText()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await preview.innerText()).toContain('- UBND huyện (để b/c);');
    expect(await preview.getByTestId('doc-signer').innerText()).toBe('Đỗ Trọng Thi');
    // The issuing body and the national name each stay in their column, with a gap between them.
    const textBox = (testId: string) =>
      preview.getByTestId(testId).evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
    const [issuerParent, issuer, national] = [await textBox('doc-issuer-parent'), await textBox('doc-issuer'), await textBox('doc-national')];
    expect(national.left - Math.max(issuerParent.right, issuer.right)).toBeGreaterThan(4);
    const fontFamily = await preview.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toMatch(/Times New Roman/);
    await drafter.evaluate(() => window.scrollTo(0, 0));
    await drafter.screenshot({ path: 'test-results/directives-compose.png' });
    await preview.screenshot({ path: 'test-results/directives-preview.png' });

    await drafter.getByTestId('action-save').click();
    await drafter.waitForURL(/#\/outgoing\/[0-9a-f-]{36}$/);
    await status(drafter, 'draft');
    // A small PDF goes along as "Tài liệu tuyên truyền kèm theo".
    const pdfPath = path.join(mkdtempSync(path.join(tmpdir(), 'loa-att-')), 'to-roi.pdf');
    writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await drafter.getByTestId('attachment-input').setInputFiles(pdfPath);
    await drafter.getByTestId('attachment-kind').selectOption('propaganda_material');
    await drafter.getByTestId('attachment-upload').click();
    const attachmentRow = drafter.getByTestId('attachment-row');
    await attachmentRow.waitFor();
    expect(await attachmentRow.innerText()).toContain('to-roi.pdf');
    expect(await attachmentRow.innerText()).toContain('Tài liệu tuyên truyền kèm theo');
    await drafter.getByTestId('action-submit').click();
    await status(drafter, 'submitted');
    // Still listed (read-only, with its download link) once submitted.
    await drafter.getByTestId('attachment-row').waitFor();
    const attachmentHref = (await drafter.getByTestId('attachment-link').getAttribute('href'))!;
    const attached = await drafter.request.get(new URL(attachmentHref, drafter.url()).href);
    expect((await attached.body()).subarray(0, 4).toString()).toBe('%PDF');
    expect(await drafter.getByTestId('action-approve').count()).toBe(0);

    // 2. The leader approves and signs.
    const approver = await signIn('truongphong');
    await openFirstOutgoing(approver);
    await status(approver, 'submitted');
    await approver.getByTestId('action-approve').click();
    await status(approver, 'approved');
    await approver.getByTestId('action-sign').click();
    await status(approver, 'signed');
    expect(await approver.getByTestId('action-issue').count()).toBe(0);

    // 3. The clerk issues it: number 01, dated today (server clock).
    const clerk = await signIn('vanthu');
    await openFirstOutgoing(clerk);
    await status(clerk, 'signed');
    await clerk.getByTestId('action-issue').click();
    await clerk.getByTestId('step-confirm').click();
    await status(clerk, 'issued');
    expect(await clerk.getByTestId('directive-title').innerText()).toContain('01/VHTT-TT&TT');
    expect(await clerk.getByTestId('doc-number').innerText()).toBe('Số: 01/VHTT-TT&TT');
    // The Decree 30 PDF and DOCX download with the clerk's session.
    const pdf = await clerk.request.get(new URL((await clerk.getByTestId('download-pdf').getAttribute('href'))!, clerk.url()).href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    const docx = await clerk.request.get(new URL((await clerk.getByTestId('download-docx').getAttribute('href'))!, clerk.url()).href);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    expect(await clerk.getByTestId('doc-date').innerText()).toBe('Tam Đường, ngày 05 tháng 02 năm 2021');
    await clerk.getByTestId('tracking-table').waitFor();
    expect(await clerk.getByTestId('tracking-row').count()).toBe(communeCount);

    // 4. The commune's clerk: unread (bold) in the inbox, opens it, acknowledges it.
    const commune = await signIn('vanthu.thitran');
    await commune.getByTestId('nav-inbox').click();
    const row = commune.getByTestId('inbox-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect(await row.getByTestId('inbox-open').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    expect(await row.innerText()).toContain('01/VHTT-TT&TT');
    await commune.screenshot({ path: 'test-results/directives-inbox.png' });
    await row.getByTestId('inbox-open').click();
    await commune.getByTestId('doc-preview').waitFor();
    expect(await commune.getByTestId('doc-number').innerText()).toBe('Số: 01/VHTT-TT&TT');
    // Marked public: the portal lists it once issued.
    const portalList = await (await fetch(`${base}/van-ban`)).text();
    expect(portalList).toContain('01/VHTT-TT&amp;TT');
    // The recipient downloads the issued document itself (PDF and DOCX) from its inbox.
    const received = await commune.request.get(new URL((await commune.getByTestId('inbox-download-pdf').getAttribute('href'))!, commune.url()).href);
    expect(received.headers()['content-type']).toBe('application/pdf');
    expect((await received.body()).subarray(0, 4).toString()).toBe('%PDF');
    const receivedDocx = await commune.request.get(new URL((await commune.getByTestId('inbox-download-docx').getAttribute('href'))!, commune.url()).href);
    expect((await receivedDocx.body()).subarray(0, 2).toString()).toBe('PK');
    // The recipient sees the attached propaganda material and can download it.
    const communeFile = await commune.request.get(new URL((await commune.getByTestId('attachment-link').getAttribute('href'))!, commune.url()).href);
    expect((await communeFile.body()).subarray(0, 4).toString()).toBe('%PDF');
    expect(await axeViolations(commune)).toEqual([]);
    await commune.getByTestId('inbox-ack').click();
    await commune.getByTestId('inbox-ack-state').waitFor();
    await commune.screenshot({ path: 'test-results/directives-inbox-item.png', fullPage: true });
    await commune.getByTestId('nav-inbox').click();
    await commune.locator('[data-testid="inbox-row"][data-unread="false"]').waitFor();

    // 5. The issuer's tracking: that commune read and acknowledged; the counts say so.
    await clerk.reload();
    const mine = clerk.locator(`[data-testid="tracking-row"][data-unit-id="${TT_TAM_DUONG}"]`);
    await mine.waitFor();
    expect(await mine.getAttribute('data-read')).toBe('true');
    expect(await mine.getAttribute('data-acknowledged')).toBe('true');
    const counts = clerk.getByTestId('tracking-counts');
    expect(await counts.getAttribute('data-acknowledged')).toBe('1');
    expect(await counts.getAttribute('data-total')).toBe(String(communeCount));
    await clerk.getByTestId('tracking-filter').getByText('Đã xác nhận').click();
    await expect.poll(() => clerk.getByTestId('tracking-row').count()).toBe(1);
    await clerk.screenshot({ path: 'test-results/directives-tracking.png', fullPage: true });

    // Search is diacritic-insensitive on the server.
    await clerk.getByTestId('nav-outgoing').click();
    await clerk.getByTestId('outgoing-search').fill('tuyen truyen mang xa hoi');
    await expect.poll(() => clerk.getByTestId('directive-row').count()).toBe(1);
    await clerk.getByTestId('outgoing-search').fill('khong co van ban nay');
    await expect.poll(() => clerk.getByTestId('directive-row').count()).toBe(0);
  });
});
