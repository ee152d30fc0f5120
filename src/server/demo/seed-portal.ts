import type { Container } from '../container.ts';
import { DEFAULT_SITUATION_FIELDS } from '../modules/publishing/index.ts';
import { vnDateKey } from '../platform/text.ts';
import { DEMO_ACTOR } from './demo-actor.ts';
import { seedPendingQuestion } from './seed-live.ts';
import { slugOf } from './seed-world.ts';
import type { DemoProvinceCode, ProvinceWorld } from './seed-world.ts';

/** Each authority's own public services and hotlines (never another province's). */
export const PORTAL_CONTENT: Record<DemoProvinceCode, { services: { label: string; url: string }[]; hotlines: { label: string; value: string; note?: string }[] }> = {
  '12': {
    services: [{ label: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lai Châu', url: 'https://dichvucong.laichau.gov.vn' }],
    hotlines: [{ label: 'Sở Y tế tỉnh Lai Châu', value: '0213 3876 326' }],
  },
  '20': {
    services: [{ label: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lạng Sơn', url: 'https://dichvucong.langson.gov.vn' }],
    hotlines: [],
  },
  '38': {
    services: [{ label: 'Cổng dịch vụ công tỉnh Thanh Hóa', url: 'https://dichvucong.thanhhoa.gov.vn' }],
    hotlines: [
      { label: 'Hỗ trợ dịch vụ bưu chính công ích', value: '0832 293 293', note: 'theo Công văn của Sở TT&TT Thanh Hóa' },
      { label: 'Hỗ trợ dịch vụ bưu chính công ích', value: '02373 777 777' },
    ],
  },
};

/** The SMS of seed 001 (Thanh Hóa, March 2020) as the authority's own telcos would send it. */
function smsText(world: ProvinceWorld): string {
  const services = PORTAL_CONTENT[world.code].services.map((l) => `${l.label} (${l.url.replace(/^https:\/\//, '')})`);
  return `Tăng cường sử dụng các dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)${services.length ? ` hoặc ${services.join(', ')}` : ''}, hoặc gửi hồ sơ, nhận trả kết quả thông qua dịch vụ bưu chính công ích, giảm di chuyển, tiếp xúc đông người; phòng tránh nguy cơ lây nhiễm dịch bệnh.`;
}

/** Days of situation figures, up to today. */
export const SITUATION_DAYS = 14;

export interface PortalDemo {
  infoSectionId: string;
  pendingQuestionId: string;
}

/**
 * The public portal of a province as seed 004 describes it: the Sở VHTTDL (press and grassroots
 * information since 2025) runs the site and hands "Thông tin cần biết" to the Sở Y tế, which posts
 * its figures at 15:00 daily. Two weeks of figures up to today, a few posts, the authority's own
 * public services and hotlines, one answered question and one waiting for an answer.
 */
export async function seedPortalDemo(c: Container, world: ProvinceWorld): Promise<PortalDemo> {
  const actor = DEMO_ACTOR;
  const { units, publishing } = c.services;
  const syt = world.health;
  const sttt = world.culture;
  const own = PORTAL_CONTENT[world.code];
  const healthPhones = own.hotlines.filter((h) => h.label === syt.name).map((h) => h.value);
  await units.updateContacts(actor, syt.id, { emails: [`syt@${slugOf(world.short)}.gov.vn`], phones: healthPhones, address: null, website: null });

  const news = await publishing.createSection(actor, {
    slug: 'tin-tuc',
    name: 'Tin tức',
    ownerUnitId: sttt.id,
    position: 1,
    description: 'Tin tức về công tác phòng, chống dịch trên địa bàn tỉnh.',
  });
  const info = await publishing.createSection(actor, {
    slug: 'thong-tin-can-biet',
    name: 'Thông tin cần biết',
    description: `Thông tin chính thức của ${syt.name}, cập nhật lúc 15 giờ hằng ngày.`,
    ownerUnitId: sttt.id,
    delegateUnitId: syt.id,
    situationFields: [...DEFAULT_SITUATION_FIELDS],
    position: 2,
  });
  const directives = await publishing.createSection(actor, { slug: 'chi-dao-dieu-hanh', name: 'Chỉ đạo, điều hành', ownerUnitId: sttt.id, position: 3 });

  // Two weeks of figures up to today (the clock at seed time).
  const today = c.clock.now();
  let cases = 3;
  let recovered = 0;
  let tested = 180;
  for (let back = SITUATION_DAYS - 1; back >= 0; back--) {
    const date = vnDateKey(new Date(today.getTime() - back * 86_400_000));
    const day = SITUATION_DAYS - 1 - back;
    cases += back % 3 === 0 ? 1 : 0;
    recovered += back % 5 === 2 ? 1 : 0;
    tested += 35 + day * 4;
    await publishing.saveSituation(actor, info.id, date, {
      figures: { cases, underTreatment: cases - recovered, recovered, deaths: 0, quarantined: 120 + day * 9, tested },
      note: back === 0 ? 'Số liệu đến 15 giờ. Người dân theo dõi sức khỏe, thực hiện khai báo y tế và phòng chống dịch theo khuyến cáo.' : null,
    });
  }

  const post = async (
    sectionId: string,
    authorUnitId: string,
    input: { title: string; summary: string; body: string; tags?: string[]; sourceName?: string; sourceUrl?: string },
    correction?: string,
  ) => {
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
    body: `<p>Các doanh nghiệp viễn thông nhắn tin tới thuê bao di động trong tỉnh với nội dung:</p><blockquote><p>${escapeHtml(smsText(world))}</p></blockquote>`,
    tags: ['dịch vụ công'],
  });
  await post(directives.id, sttt.id, {
    title: 'Triển khai tuyên truyền phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona (nCoV)',
    summary: `${sttt.name} đề nghị các cơ quan, đơn vị triển khai tuyên truyền chính xác, kịp thời, không gây hoang mang.`,
    body:
      '<p>Bảo đảm 100% người dân được tiếp cận đầy đủ thông tin về phòng chống dịch bệnh; truyền thông tích cực nhằm giảm thiểu các tác động kinh tế của dịch.</p>' +
      '<p>Các cơ quan, đơn vị tuyên truyền, khuyến nghị người dân <strong>tăng cường dùng dịch vụ công trực tuyến</strong> trên tất cả mọi lĩnh vực nhằm hạn chế việc tiếp xúc nơi đông người.</p>',
  });
  await post(
    news.id,
    sttt.id,
    {
      title: `${world.short}: ra quân tuyên truyền phòng, chống dịch tại các bản vùng cao`,
      summary: 'Đội tuyên truyền lưu động và đài truyền thanh các xã tăng thời lượng phát về phòng, chống dịch.',
      body: '<p>Bài viết đăng lại với sự đồng ý của cơ quan báo chí.</p>',
      sourceName: `Báo và Phát thanh, Truyền hình ${world.short}`,
    },
    'Sửa tên cơ quan nguồn tin.',
  );

  const hotlines = [{ label: 'Đường dây nóng Bộ Y tế', value: '1900 9095' }, { label: 'Tổng đài hỗ trợ Dịch vụ công quốc gia', value: '1800 1096' }, ...own.hotlines];
  for (const [i, h] of hotlines.entries()) await publishing.createLink(actor, { kind: 'hotline', ...h, ownerUnitId: sttt.id, position: i + 1 });
  const services = [{ label: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' }, ...own.services];
  for (const [i, l] of services.entries()) await publishing.createLink(actor, { kind: 'service', label: l.label, value: l.url, ownerUnitId: sttt.id, position: i + 1 });

  await publishing.recordAnsweredQuestion(actor, {
    sectionId: info.id,
    name: `Người dân ${world.communes[1]?.name ?? 'trong tỉnh'}`,
    question: 'Gia đình tôi có người thân từ vùng có dịch về, cần khai báo ở đâu?',
    answer: `Đề nghị gia đình liên hệ trạm y tế xã hoặc gọi đường dây nóng của ${syt.name} để được hướng dẫn khai báo y tế và theo dõi sức khỏe trong 14 ngày.`,
  });
  const pending = await seedPendingQuestion(c, info.id, {
    name: `Người dân ${world.communes[0]?.name ?? 'trong tỉnh'}`,
    question: 'Trẻ em dưới 5 tuổi có được tiêm phòng miễn phí tại trạm y tế xã không, cần mang theo giấy tờ gì?',
  });
  return { infoSectionId: info.id, pendingQuestionId: pending.id };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
