import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';

const DAY_MS = 24 * 3600_000;

/**
 * The demo's CAP alert (issue #14.5): one Exercise (diễn tập) flash-flood alert of the province's Sở VHTTDL for the
 * demo communes, composed by its drafter, submitted, published by its leader, valid for a week from the demo clock,
 * so /cap/atom.xml of a fresh demo lists it. Should it fail (it never has), the rest of the demo goes on: logged.
 */
export async function seedAlertDemo(
  c: Container,
  o: { issuer: UnitView; communes: readonly UnitView[]; drafter: Actor; approver: Actor },
): Promise<{ alerts: number; identifier: string | null }> {
  const { alerts } = c.services;
  const now = c.clock.now();
  try {
    const draft = await alerts.createAlert(o.drafter, {
      unitId: o.issuer.id,
      status: 'Exercise',
      scope: 'Public',
      categories: ['Met'],
      event: 'Lũ quét, sạt lở đất',
      urgency: 'Expected',
      severity: 'Severe',
      certainty: 'Likely',
      vi: {
        headline: 'DIỄN TẬP: Cảnh báo lũ quét, sạt lở đất',
        description: `Đây là bản tin diễn tập. Mưa lớn kéo dài có thể gây lũ quét, sạt lở đất tại ${o.communes.map((u) => u.name).join(', ')} trong 24 giờ tới.`,
        instruction: 'Không ở gần suối, taluy dương; chuẩn bị phương án sơ tán theo hướng dẫn của chính quyền xã.',
        contact: o.issuer.name,
        event: null,
      },
      en: {
        headline: 'EXERCISE: Flash flood and landslide warning',
        description: 'This is an exercise. Prolonged heavy rain may cause flash floods and landslides in the next 24 hours.',
        instruction: 'Stay away from streams and steep slopes; prepare to evacuate as the commune instructs.',
        contact: o.issuer.name,
        event: 'Flash flood, landslide',
      },
      effective: now.toISOString(),
      onset: null,
      expires: new Date(now.getTime() + 7 * DAY_MS).toISOString(),
      areaUnitIds: o.communes.map((u) => u.id),
      note: 'Diễn tập phương án cảnh báo sớm.',
    });
    await alerts.submitAlert(o.drafter, draft.id);
    const published = await alerts.publishAlert(o.approver, draft.id);
    return { alerts: 1, identifier: published.identifier };
  } catch (err) {
    c.logger.warn({ err }, 'demo: cảnh báo CAP diễn tập không tạo được');
    return { alerts: 0, identifier: null };
  }
}
