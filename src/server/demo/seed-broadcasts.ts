import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';

/**
 * Demo SMS campaign: one khẩn cấp warning from the first demo commune to its subscribers, approved in one
 * step by the commune's leader (the audited emergency path). It goes through the outbox when the worker
 * starts; in the demo the SMS account points at the in-process SMSC simulator, so it is done (every number
 * delivered) within seconds of the first start. All numbers are fictitious (seed-subscribers.ts).
 */
export async function seedBroadcastDemo(c: Container, commune: UnitView, leader: Actor): Promise<{ broadcastId: string }> {
  const svc = c.services.broadcasts;
  const b = await svc.createBroadcast(leader, {
    unitId: commune.id,
    title: 'Cảnh báo mưa lớn, lũ quét và sạt lở đất',
    priority: 'khan_cap',
    // An SMS campaign whatever the account: the demo's points at the in-process simulator (tests seed without one).
    route: 'smpp',
    smsText: `UBND ${commune.name}: mưa lớn kéo dài, nguy cơ lũ quét, sạt lở đất. Bà con không ở gần suối, taluy; di chuyển người, tài sản đến nơi an toàn. Khẩn cấp gọi 112.`,
    unaccented: true,
    senderName: 'UBND XA',
    audience: { unitIds: [commune.id], listIds: [] },
  });
  await svc.emergencyApproveBroadcast(leader, b.id);
  return { broadcastId: b.id };
}
