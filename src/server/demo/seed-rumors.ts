import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';
import { vnDateKey } from '../platform/text.ts';
import { DEMO_ACTOR } from './demo-actor.ts';

const HOUR = 3_600_000;

export interface RumorDemo {
  cases: number;
  /** The published correction's address (its page carries ClaimReview JSON-LD), or null when it could not be made. */
  correctionUrl: string | null;
}

/**
 * The misinformation desk's demo (issue #15 point 7), through the services and their rules: three cases of the Sở
 * VHTTDL's desk in different states —
 *  - unverified, from the portal form: seed 004's example, the unverified video "Hàng dài người từ Trung Quốc xếp hàng
 *    tại cửa khẩu biên giới" (3(3)–3(4): the border guard and the police handle who posts it, the press is asked to
 *    "đồng loạt phản ánh để tạo dư luận đúng"), reported by a citizen who left a contact and again by staff;
 *  - being verified, with a confirmation request to Sở Y tế (a task) about a rumour of contaminated water;
 *  - concluded "Sai sự thật" by the leader, with ONE published correction carrying ClaimReview, a police hand-off
 *    and a press request drafted, the SMS draft waiting for the leader's approval.
 * Should a step fail (it never has), the rest of the demo goes on: logged.
 */
export async function seedRumorDemo(
  c: Container,
  o: { office: UnitView; health: UnitView; provinceId: string; pressGroupId?: string | null; drafter: Actor; approver: Actor; lead: Actor },
): Promise<RumorDemo> {
  const { rumorIntake: intake, rumorCases: cases, rumorActions: actions } = c.services;
  const out: RumorDemo = { cases: 0, correctionUrl: null };
  try {
    const bodies = (await c.services.units.listChildren(DEMO_ACTOR, o.provinceId, vnDateKey(c.clock.now()))).filter((u) => u.kind === 'police' || u.kind === 'border_guard');
    const borderGuard = bodies.find((u) => u.kind === 'border_guard') ?? bodies[0] ?? null;
    const now = c.clock.now();
    // The citizen filled the public form in a minute ago: its signed time is a minute old (a form sent under
    // MIN_FILL_MS after it was served is refused, as a bot's would be).
    const token = intake.formToken(new Date(now.getTime() - 60_000));

    // Being verified: a rumour about the water, asked of Sở Y tế as a task.
    const water = await intake.fileStaffReport(
      o.drafter,
      {
        unitId: o.office.id,
        description: 'Tin nhắn Zalo lan truyền: nước máy khu vực trung tâm thành phố Lai Châu nhiễm khuẩn tả, người dân không được dùng để ăn uống',
        urls: ['https://zalo.me/g/demo-nuoc-may-lai-chau'],
        seenAt: new Date(now.getTime() - 5 * HOUR).toISOString(),
      },
      null,
    );
    await cases.updateCase(o.drafter, water.case.id, { severity: 'high', assigneeId: o.lead.userId, status: 'verifying' });
    await cases.addEvidence(o.lead, water.case.id, { kind: 'link', title: 'Ảnh chụp tin nhắn được chia sẻ trong nhóm Zalo', url: 'https://zalo.me/g/demo-nuoc-may-lai-chau' });
    await actions.requestConfirmation(o.lead, water.case.id, {
      targetUnitId: o.health.id,
      via: 'task',
      question: 'Đề nghị Sở Y tế cho biết kết quả xét nghiệm chất lượng nước máy khu vực trung tâm thành phố Lai Châu gần nhất và có ghi nhận ca bệnh tả nào không.',
    });
    out.cases++;

    // Concluded false, with the published correction (ClaimReview), the police hand-off and the press request.
    const lockdown = await intake.fileStaffReport(
      o.drafter,
      {
        unitId: o.office.id,
        description: 'Bài đăng Facebook: "Lai Châu phong tỏa toàn tỉnh từ 0 giờ ngày mai, dừng mọi phương tiện ra vào tỉnh"',
        urls: ['https://www.facebook.com/demo.tin.nong/posts/2000000000000001'],
        seenAt: new Date(now.getTime() - 30 * HOUR).toISOString(),
        informant: { name: 'Người dân (dữ liệu mẫu)', email: 'nguoidan.demo@example.invalid' },
      },
      null,
    );
    const k = lockdown.case.id;
    await cases.updateCase(o.lead, k, { title: 'Tin "Lai Châu phong tỏa toàn tỉnh từ 0 giờ ngày mai"', severity: 'critical', assigneeId: o.lead.userId, status: 'verifying' });
    await cases.addEvidence(o.lead, k, { kind: 'link', title: 'Bài đăng gốc trên Facebook', url: 'https://www.facebook.com/demo.tin.nong/posts/2000000000000001' });
    await cases.addEvidence(o.lead, k, {
      kind: 'note',
      title: 'Trao đổi với Văn phòng UBND tỉnh',
      note: 'Văn phòng UBND tỉnh khẳng định tỉnh không ban hành văn bản nào về việc phong tỏa.',
    });
    await cases.proposeConclusion(o.drafter, k, {
      verdict: 'false',
      summary: 'UBND tỉnh Lai Châu không ban hành bất kỳ văn bản nào về việc phong tỏa; các hoạt động đi lại diễn ra bình thường.',
    });
    await cases.approveConclusion(o.approver, k);
    const corrected = await actions.publishCorrection(o.approver, k, {
      title: 'Đính chính: Lai Châu không phong tỏa toàn tỉnh',
      body: 'Thời gian qua, trên mạng xã hội lan truyền thông tin "Lai Châu phong tỏa toàn tỉnh từ 0 giờ ngày mai". Qua xác minh, đây là thông tin sai sự thật.\n\nĐề nghị Nhân dân không chia sẻ, bình luận thông tin trên; theo dõi thông tin chính thống trên Cổng thông tin của tỉnh.',
      channels: { sms: true, social: true },
    });
    out.correctionUrl = corrected.correction?.url ?? null;
    const police = bodies.find((u) => u.kind === 'police');
    if (police) await actions.handOffToPolice(o.lead, k, { targetUnitId: police.id, legalBasisCodes: ['nd-15-2020-dieu-101', 'luat-an-ninh-mang-2018-dieu-8-16'] });
    if (o.pressGroupId) await actions.requestPress(o.drafter, k, { targetUnitIds: [], recipientGroupId: o.pressGroupId });
    out.cases++;

    // Unverified, from the portal form: seed 004's example.
    const description = 'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu biên giới" đang được chia sẻ trên Facebook, chưa rõ quay ở đâu, khi nào';
    const video = 'https://www.facebook.com/watch/?v=1000000000000004';
    await intake.submitPortalReport(
      { description, links: video, name: 'Người dân (dữ liệu mẫu)', phone: '', email: 'phananh.demo@example.invalid', consent: 'yes', t: token },
      null,
      { ip: '203.0.113.7', userAgent: 'Demo' },
    );
    const border = await intake.fileStaffReport(
      o.drafter,
      {
        unitId: o.office.id,
        description: 'Báo điện tử đăng lại video hàng dài người xếp hàng tại cửa khẩu biên giới, dẫn nguồn Facebook',
        urls: [video],
      },
      null,
    );
    if (borderGuard)
      await cases.addEvidence(o.drafter, border.case.id, {
        kind: 'note',
        title: 'Đầu mối phối hợp',
        note: `Liên hệ ${borderGuard.name} để xác minh thời gian, địa điểm quay video.`,
      });
    out.cases++;
  } catch (err) {
    c.logger.warn({ err }, 'demo: dữ liệu mẫu tin sai sự thật không tạo đủ');
  }
  return out;
}
