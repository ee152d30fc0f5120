import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LAI_CHAU, buildSignedInUser, buildUnit, buildUser } from '../test/factories.ts';
import { adminUiSuite, axeViolations } from './browser.ts';

const PHONE = '0912 345 678';

/** A real 2×1 PNG (signature, IHDR, one IDAT, IEND) with CRCs. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255]); // filter 0, a red and a blue pixel
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The Sở's misinformation desk: an officer finds a case by a search without diacritics, starts verification, adds a
 * note and proposes the conclusion; the desk lead reveals the informant with a reason; a viewer has no reveal button.
 */
describe('admin UI: misinformation desk (chromium)', () => {
  const ui = adminUiSuite({}, async (t) => {
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Đồn Biên phòng cửa khẩu quốc tế Ma Lù Thàng' });
    await buildUnit(t.c, { parentId: LAI_CHAU, name: 'Công an tỉnh Lai Châu' });
    await buildUser(t.c, { unitId: so.id, roles: ['drafter'], username: 'canbo' });
    await buildUser(t.c, { unitId: so.id, roles: ['desk_lead'], username: 'truongnhom' });
    await buildUser(t.c, { unitId: so.id, roles: ['viewer'], username: 'xem' });
    await buildUser(t.c, { unitId: so.id, roles: ['approver'], username: 'lanhdao' });
    const staff = (await buildSignedInUser(t.c, { unitId: so.id, roles: ['drafter'] })).session.headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rumors/reports',
      headers: staff,
      payload: {
        description: 'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu" lan truyền trên mạng, nói cửa khẩu sắp phong tỏa.',
        urls: ['https://www.facebook.com/watch/?v=100000000001&fbclid=abc'],
        informant: { name: 'Lò Văn Thử', phone: PHONE },
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    // Two reposts of one post (a mobile link with tracking, the desktop link): one case of two reports.
    for (const [description, url] of [
      ['Nước máy ở thành phố Lai Châu bị nhiễm độc, người dân không được dùng.', 'https://m.facebook.com/story.php?story_fbid=555&id=777&utm_source=zalo'],
      ['Chia sẻ: nước máy thành phố Lai Châu nhiễm độc, đừng dùng nước máy.', 'https://www.facebook.com/story.php?story_fbid=555&id=777'],
    ]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/rumors/reports', headers: staff, payload: { description, urls: [url] } });
      if (r.statusCode !== 201) throw new Error(r.body);
    }
  });

  it('finds the case without diacritics, verifies, adds a note and proposes a conclusion', async () => {
    const page = await ui.open('canbo', { width: 1280, height: 900 });
    await page.getByTestId('nav-rumors').click();
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(2);
    // Staff entry with a screenshot: a new case opens and shows the image.
    await page.getByTestId('rumor-new-report').click();
    await page.getByTestId('rumor-entry-description').fill('Tin đồn toàn tỉnh mất điện ba ngày từ tối mai.');
    await page.getByTestId('rumor-entry-links').fill('https://zalo.me/g/abcdef');
    await page.locator('input[type="file"]').setInputFiles({ name: 'chup-man-hinh.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByTestId('rumor-entry-submit').click();
    await expect.poll(() => page.getByTestId('rumor-case-title').textContent()).toContain('mất điện ba ngày');
    await expect.poll(() => page.getByTestId('toast-success').first().textContent()).toContain('mở vụ việc mới');
    await expect.poll(() => page.locator('[data-testid="rumor-report"] img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(2);
    await page.getByRole('link', { name: '← Danh sách vụ việc' }).click();
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(3);
    await page.getByTestId('rumor-search').fill('hang dai nguoi tu trung quoc');
    await expect.poll(() => page.url()).toContain('q=hang+dai');
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(1);
    expect(await page.getByTestId('rumor-cases').innerText()).not.toContain(PHONE);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('rumor-case-row').getByRole('link').click();
    await expect.poll(() => page.getByTestId('rumor-reports').innerText()).toContain('Hàng dài người từ Trung Quốc');
    const shown = await page.getByTestId('rumor-case').innerText();
    expect(shown).not.toContain(PHONE);
    expect(shown).not.toContain('Lò Văn Thử');
    expect(await page.getByTestId('rumor-reveal').count()).toBe(0);

    await page.getByTestId('rumor-start-verification').click();
    await expect.poll(() => page.locator('[data-step="verifying"]').getAttribute('aria-current')).toBe('step');
    await page.getByTestId('rumor-evidence-title').fill('Xác minh với Đồn Biên phòng cửa khẩu');
    await page.getByTestId('rumor-evidence-note').fill('Đồn cho biết video quay năm 2019 tại một cửa khẩu khác, không có việc phong tỏa.');
    await page.getByTestId('rumor-evidence-add').click();
    await expect.poll(() => page.getByTestId('rumor-evidence').innerText()).toContain('Xác minh với Đồn Biên phòng cửa khẩu');

    // A confirmation request to the border post (as a task) and the hand-off to the police with a legal basis.
    await page.getByTestId('rumor-new-confirmation').click();
    // The test's units are of the 2025 list (the browser's today is later): search the former list too.
    await page.getByTestId('rumor-confirmation-unit-old-editions').check();
    await page.getByTestId('rumor-confirmation-unit').fill('Ma Lù Thàng');
    await page.getByTestId('unit-search-hit').first().getByRole('button').click();
    await page.getByLabel('Nội dung đề nghị xác minh').fill('Đề nghị Đồn xác nhận tình hình thông quan tại cửa khẩu trong tuần này.');
    await page.getByTestId('rumor-confirmation-form-submit').click();
    await expect.poll(() => page.getByTestId('rumor-actions').innerText()).toContain('Đồn Biên phòng cửa khẩu quốc tế Ma Lù Thàng');
    expect(await page.getByTestId('rumor-action').first().getByRole('link', { name: 'Mở nhiệm vụ' }).count()).toBe(1);
    // The border post's answer, recorded, joins the evidence.
    await page.locator('[data-testid="rumor-action"][data-kind="confirmation"]').getByTestId('rumor-action-answer').click();
    await page.getByLabel('Nội dung trả lời của cơ quan chức năng').fill('Cửa khẩu thông quan bình thường; video không quay tại Ma Lù Thàng.');
    await page.getByRole('button', { name: 'Lưu trả lời' }).click();
    await expect.poll(() => page.getByTestId('rumor-evidence').innerText()).toContain('video không quay tại Ma Lù Thàng');
    expect(await page.locator('[data-testid="rumor-action"][data-kind="confirmation"]').getAttribute('data-state')).toBe('answered');
    await page.getByTestId('rumor-new-police').click();
    await page.getByTestId('rumor-police-unit-old-editions').check();
    await page.getByTestId('rumor-police-unit').fill('Công an tỉnh');
    await page.getByTestId('unit-search-hit').first().getByRole('button').click();
    await page.getByTestId('rumor-legal-bases').getByRole('checkbox').first().check();
    await page.getByTestId('rumor-police-form-submit').click();
    await expect.poll(() => page.locator('[data-testid="rumor-action"][data-kind="police"]').count()).toBe(1);
    expect(await page.locator('[data-testid="rumor-action"][data-kind="police"]').getByRole('link', { name: 'Mở công văn' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="rumor-action"][data-kind="police"]').innerText()).toContain('Nghị định số 15/2020/NĐ-CP');
    expect(await page.getByTestId('rumor-actions').innerText()).not.toContain(PHONE);

    await page.getByTestId('rumor-verdict-select').selectOption('false');
    await page.getByTestId('rumor-summary').fill('Video cũ, quay ở nơi khác; cửa khẩu hoạt động bình thường.');
    await page.getByTestId('rumor-propose').click();
    await expect.poll(() => page.getByTestId('rumor-conclusion-proposed').count()).toBe(1);
    expect(await page.getByTestId('rumor-conclusion').innerText()).toContain('Sai sự thật');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/loa-rumors-case.png', fullPage: true });

    // A 390 px phone: the list still reads (no horizontal scroll of the page itself).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${ui.base}/admin/#/rumors`);
    await expect.poll(() => page.getByTestId('rumor-case-row').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: '/tmp/loa-rumors-list-390.png', fullPage: true });
  });

  it('lets the leader approve the proposed conclusion', async () => {
    const leader = await ui.open('lanhdao', { width: 1280, height: 900 });
    await leader.getByTestId('nav-rumors').click();
    await leader.getByRole('link', { name: /Hàng dài người/ }).click();
    expect(await leader.getByTestId('rumor-reveal').count()).toBe(0);
    await leader.getByTestId('rumor-approve').click();
    await expect.poll(() => leader.getByTestId('rumor-conclusion-approved').count()).toBe(1);
    await expect.poll(() => leader.locator('[data-step="concluded"]').getAttribute('aria-current')).toBe('step');
    // The correction, prefilled from the conclusion, is published on the portal with its ClaimReview.
    await leader.getByTestId('rumor-correction-publish').click();
    await expect.poll(() => leader.getByTestId('rumor-correction-link').count()).toBe(1);
    const url = await leader.getByTestId('rumor-correction-link').getAttribute('href');
    // The link is the public address (LOA_PUBLIC_URL); the same path on the test server.
    const article = await fetch(new URL(new URL(url ?? '/', ui.base).pathname, ui.base)).then((r) => r.text());
    expect(article).toContain('"ClaimReview"');
    expect(article).not.toContain(PHONE);
  });

  it('lets the desk lead reveal the informant with a reason; a viewer sees no reveal button', async () => {
    const lead = await ui.open('truongnhom', { width: 1280, height: 900 });
    await lead.getByTestId('nav-rumors').click();
    await lead.getByRole('link', { name: /Hàng dài người/ }).click();
    await lead.getByTestId('rumor-reveal').click();
    await lead.getByTestId('rumor-reveal-submit').click();
    await expect.poll(() => lead.getByRole('dialog').innerText()).toContain('ít nhất 10 ký tự');
    await lead.getByTestId('rumor-reveal-reason').fill('Liên hệ người phản ánh để xin bản gốc video');
    await lead.getByTestId('rumor-reveal-submit').click();
    await expect.poll(() => lead.getByTestId('rumor-identity').innerText()).toContain('Lò Văn Thử');
    expect(await lead.getByTestId('rumor-identity').innerText()).toMatch(/0912\s?345\s?678|84912345678|0912345678/);
    expect(await axeViolations(lead)).toEqual([]);
    await lead.screenshot({ path: '/tmp/loa-rumors-reveal.png' });

    const viewer = await ui.open('xem', { width: 1280, height: 900 });
    await viewer.getByTestId('nav-rumors').click();
    await viewer.getByRole('link', { name: /Hàng dài người/ }).click();
    await expect.poll(() => viewer.getByTestId('rumor-reports').innerText()).toContain('Hàng dài người từ Trung Quốc');
    expect(await viewer.getByTestId('rumor-reveal').count()).toBe(0);
    expect(await viewer.getByTestId('rumor-evidence-add').count()).toBe(0);
    expect(await viewer.getByTestId('rumor-new-report').count()).toBe(0);
  });

  it('splits a report off into a new case and merges it back from the similar cases', async () => {
    const page = await ui.open('canbo', { width: 1280, height: 900 });
    await page.getByTestId('nav-rumors').click();
    await page.getByRole('link', { name: /Nước máy ở thành phố/ }).click();
    await expect.poll(() => page.getByTestId('rumor-report').count()).toBe(2);
    await expect.poll(() => page.getByTestId('rumor-spread-summary').textContent()).toContain('2 phản ánh');
    await page.getByTestId('rumor-report-pick').last().check();
    await page.getByLabel(/Tách 1 phản ánh đã chọn/).fill('Nước máy nhiễm độc (bài chia sẻ lại)');
    await page.getByTestId('rumor-split').click();
    await expect.poll(() => page.getByTestId('rumor-case-title').textContent()).toBe('Nước máy nhiễm độc (bài chia sẻ lại)');
    await expect.poll(() => page.getByTestId('rumor-report').count()).toBe(1);
    await expect.poll(() => page.getByTestId('rumor-similar').innerText()).toContain('Cùng đường liên kết');
    await page.getByTestId('rumor-similar-case').getByRole('checkbox').check();
    await page.getByTestId('rumor-merge').click();
    await expect.poll(() => page.getByTestId('rumor-report').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // Monitoring and figures render for the desk.
    await page.getByRole('link', { name: '← Danh sách vụ việc' }).click();
    await page.getByTestId('rumors-tabs').getByRole('link', { name: 'Số liệu' }).click();
    await expect.poll(() => page.getByTestId('rumor-figures-totals').innerText()).toContain('Vụ việc tiếp nhận');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('rumors-tabs').getByRole('link', { name: 'Căn cứ pháp lý' }).click();
    const basis = page.getByTestId('rumor-legal-basis').filter({ hasText: 'Bộ luật Hình sự' }).getByRole('switch');
    await basis.click({ force: true });
    await expect.poll(() => basis.isChecked()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('rumors-tabs').getByRole('link', { name: 'Theo dõi báo chí, Internet' }).click();
    await page.getByTestId('rumor-tab-keywords').click();
    await page.getByLabel('Từ khóa mới').fill('phong tỏa');
    await page.getByRole('button', { name: 'Thêm từ khóa' }).click();
    await expect.poll(() => page.getByTestId('rumor-keywords').innerText()).toContain('phong tỏa');
    expect(await axeViolations(page)).toEqual([]);
  });
});
