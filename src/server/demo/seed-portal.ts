import { randomBytes } from 'node:crypto';
import type { Container } from '../container.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { Role } from '../modules/access/index.ts';
import { DEFAULT_SITUATION_FIELDS } from '../modules/publishing/index.ts';
import { unitIdFor } from '../modules/units/index.ts';
import { vnDateKey } from '../platform/text.ts';

export interface PortalDemoAccount {
  username: string;
  password: string;
  role: Role;
  unit: string;
}

/** The SMS of seed 001 (Sở TT&TT Thanh Hóa, March 2020), as the telcos sent it. */
const SMS_001 =
  'Tăng cường sử dụng các dịch vụ công trực tuyến trên Cổng dịch vụ công tỉnh Thanh Hóa (dichvucong.thanhhoa.gov.vn) hoặc gửi hồ sơ, nhận trả kết quả thông qua dịch vụ bưu chính công ích với đường dây nóng hỗ trợ: 0832 293 293 hoặc 02373 777 777, giảm di chuyển, tiếp xúc đông người; phòng tránh nguy cơ lây, nhiễm dịch bệnh Covid – 19';

/**
 * The public portal of Lai Châu as seed 004 describes it: the Sở TT&TT runs the site, "Thông tin cần
 * biết" is handed to the Sở Y tế, which posts its figures at 15:00 daily. A week of figures, a few
 * posts from the seeds, the SMS text and hotlines of seed 001, links to online public services, one
 * answered question, and an editor account at the Sở Y tế and at the Sở TT&TT.
 */
export async function seedPortalDemo(c: Container, opts: { password?: string } = {}): Promise<PortalDemoAccount[]> {
  const actor = SYSTEM_ACTOR;
  const { units, users, publishing } = c.services;
  const province = unitIdFor('vn-2025', '12');
  const children = await units.listChildren(actor, province, '2021-01-01');
  const syt = children.find((u) => u.kind === 'health');
  const sttt = children.find((u) => u.kind === 'department' && u.name.includes('Thông tin và Truyền thông'));
  if (!syt || !sttt) return [];
  await units.updateContacts(actor, syt.id, { emails: ['syt@laichau.gov.vn'], phones: ['0213 3876 326'], address: null, website: null });

  const news = await publishing.createSection(actor, { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: sttt.id, position: 1, description: 'Tin tức về công tác phòng, chống dịch trên địa bàn tỉnh.' });
  const info = await publishing.createSection(actor, {
    slug: 'thong-tin-can-biet',
    name: 'Thông tin cần biết',
    description: 'Thông tin chính thức của Sở Y tế, cập nhật lúc 15 giờ hằng ngày.',
    ownerUnitId: sttt.id,
    delegateUnitId: syt.id,
    situationFields: [...DEFAULT_SITUATION_FIELDS],
    position: 2,
  });
  const directives = await publishing.createSection(actor, { slug: 'chi-dao-dieu-hanh', name: 'Chỉ đạo, điều hành', ownerUnitId: sttt.id, position: 3 });

  // A week of figures up to today.
  const today = c.clock.now();
  let cases = 3;
  let recovered = 0;
  let tested = 180;
  for (let back = 6; back >= 0; back--) {
    const date = vnDateKey(new Date(today.getTime() - back * 86_400_000));
    cases += back % 3 === 0 ? 1 : 0;
    recovered += back === 2 ? 1 : 0;
    tested += 35 + (6 - back) * 4;
    await publishing.saveSituation(actor, info.id, date, {
      figures: { cases, underTreatment: cases - recovered, recovered, deaths: 0, quarantined: 120 + (6 - back) * 9, tested },
      note: back === 0 ? 'Số liệu đến 15 giờ. Người dân theo dõi sức khỏe, thực hiện khai báo y tế và phòng chống dịch theo khuyến cáo.' : null,
    });
  }

  const post = async (sectionId: string, authorUnitId: string, input: { title: string; summary: string; body: string; tags?: string[]; sourceName?: string; sourceUrl?: string }, correction?: string) => {
    const created = await publishing.createPost(actor, { sectionId, authorUnitId, tags: [], ...input });
    const published = await publishing.publishPost(actor, created.id);
    if (correction) await publishing.updatePost(actor, published.id, { revisionNote: correction });
  };
  await post(info.id, syt.id, {
    title: 'Khuyến cáo phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona',
    summary: 'Sở Y tế khuyến cáo người dân chủ động phòng bệnh, không hoang mang, theo dõi thông tin chính thống.',
    body:
      '<p>Người dân thường xuyên rửa tay bằng xà phòng, đeo khẩu trang nơi đông người, hạn chế tụ tập.</p>' +
      '<p>Khi có dấu hiệu ho, sốt, khó thở, chủ động đi khám và thông báo ngay cho cơ quan y tế; tự giác khai báo nếu đi qua vùng có dịch trong vòng 14 ngày.</p>',
    tags: ['phòng chống dịch', 'khuyến cáo'],
  });
  await post(news.id, sttt.id, {
    title: 'Tăng cường sử dụng dịch vụ công trực tuyến, hạn chế tiếp xúc nơi đông người',
    summary: 'Tổ chức, công dân ưu tiên nộp hồ sơ trực tuyến hoặc qua dịch vụ bưu chính công ích trong thời gian phòng, chống dịch.',
    body: `<p>Các doanh nghiệp viễn thông nhắn tin tới thuê bao di động trong tỉnh với nội dung:</p><blockquote><p>${escapeHtml(SMS_001)}</p></blockquote>`,
    tags: ['dịch vụ công'],
  });
  await post(directives.id, sttt.id, {
    title: 'Triển khai tuyên truyền phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona (nCoV)',
    summary: 'Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị triển khai tuyên truyền chính xác, kịp thời, không gây hoang mang.',
    body:
      '<p>Bảo đảm 100% người dân được tiếp cận đầy đủ thông tin về phòng chống dịch bệnh; truyền thông tích cực nhằm giảm thiểu các tác động kinh tế của dịch.</p>' +
      '<p>Các cơ quan, đơn vị tuyên truyền, khuyến nghị người dân <strong>tăng cường dùng dịch vụ công trực tuyến</strong> trên tất cả mọi lĩnh vực nhằm hạn chế việc tiếp xúc nơi đông người.</p>',
  });
  await post(
    news.id,
    sttt.id,
    {
      title: 'Lai Châu: ra quân tuyên truyền phòng, chống dịch tại các bản vùng cao',
      summary: 'Đội tuyên truyền lưu động và đài truyền thanh các xã tăng thời lượng phát về phòng, chống dịch.',
      body: '<p>Bài viết đăng lại với sự đồng ý của cơ quan báo chí.</p>',
      sourceName: 'Báo Lai Châu',
      sourceUrl: 'https://baolaichau.vn/',
    },
    'Sửa tên cơ quan nguồn tin.',
  );

  await publishing.createLink(actor, { kind: 'hotline', label: 'Đường dây nóng Bộ Y tế', value: '1900 9095', ownerUnitId: sttt.id, position: 1 });
  await publishing.createLink(actor, { kind: 'hotline', label: 'Sở Y tế Lai Châu', value: '0213 3876 326', ownerUnitId: sttt.id, position: 2 });
  await publishing.createLink(actor, { kind: 'hotline', label: 'Hỗ trợ dịch vụ bưu chính công ích', value: '0832 293 293', note: 'theo Công văn của Sở TT&TT Thanh Hóa', ownerUnitId: sttt.id, position: 3 });
  await publishing.createLink(actor, { kind: 'hotline', label: 'Hỗ trợ dịch vụ bưu chính công ích', value: '02373 777 777', ownerUnitId: sttt.id, position: 4 });
  await publishing.createLink(actor, { kind: 'service', label: 'Cổng Dịch vụ công quốc gia', value: 'https://dichvucong.gov.vn', ownerUnitId: sttt.id, position: 1 });
  await publishing.createLink(actor, { kind: 'service', label: 'Cổng dịch vụ công tỉnh Thanh Hóa', value: 'https://dichvucong.thanhhoa.gov.vn', ownerUnitId: sttt.id, position: 2 });

  await publishing.recordAnsweredQuestion(actor, {
    sectionId: info.id,
    name: 'Người dân xã Bản Giang',
    question: 'Gia đình tôi có người thân từ vùng có dịch về, cần khai báo ở đâu?',
    answer: 'Đề nghị gia đình liên hệ trạm y tế xã hoặc gọi đường dây nóng của Sở Y tế để được hướng dẫn khai báo y tế và theo dõi sức khỏe trong 14 ngày.',
  });

  const plan: { username: string; displayName: string; role: Role; unitId: string; unit: string }[] = [
    { username: 'bientap.syt', displayName: 'Biên tập viên Sở Y tế Lai Châu', role: 'approver', unitId: syt.id, unit: 'Sở Y tế Lai Châu' },
    { username: 'bientap.sttt', displayName: 'Biên tập viên Sở TT&TT Lai Châu', role: 'approver', unitId: sttt.id, unit: 'Sở TT&TT Lai Châu' },
  ];
  const accounts: PortalDemoAccount[] = [];
  for (const p of plan) {
    const password = opts.password ?? `Loa-${randomBytes(6).toString('base64url')}-${Math.floor(Math.random() * 90 + 10)}`;
    await users.createUser(SYSTEM_ACTOR, { username: p.username, displayName: p.displayName, email: null, unitId: p.unitId, roles: [p.role], password });
    accounts.push({ username: p.username, password, role: p.role, unit: p.unit });
  }
  return accounts;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
