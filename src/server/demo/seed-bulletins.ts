import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';
import { vnDateKey } from '../platform/text.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/**
 * Demo bulletins and programmes (issue #13): each demo commune broadcasts "Bản tin sáng" (06:00) and "Bản tin chiều"
 * (17:00) every day, the commune's own bulletin opens the morning programme, and the Sở's thường bulletin waits in
 * every commune's queue for the commune to place it ("Lịch phát sóng" → "Xếp vào chương trình"). Text is read by the
 * TTS; without espeak-ng the bulletins are left out and the reason logged (the rest of the demo still loads).
 */
export async function seedBulletinDemo(
  c: Container,
  communes: readonly UnitView[],
  actors: { so: { drafter: Actor; approver: Actor }; commune: (commune: UnitView) => Actor },
): Promise<{ programmes: number; bulletins: number }> {
  const { bulletins, programmes } = c.services;
  const validFrom = vnDateKey(c.clock.now());
  let made = 0;
  let published = 0;
  for (const commune of communes) {
    const actor = actors.commune(commune);
    const morning = await programmes.createProgramme(actor, commune.id, {
      name: 'Bản tin sáng',
      days: EVERY_DAY,
      startTime: '06:00',
      slotMinutes: 30,
      validFrom,
      validUntil: null,
      repeat: 1,
      playlist: [],
    });
    await programmes.createProgramme(actor, commune.id, {
      name: 'Bản tin chiều',
      days: EVERY_DAY,
      startTime: '17:00',
      slotMinutes: 30,
      validFrom,
      validUntil: null,
      repeat: 1,
      playlist: [],
    });
    made += 2;
    try {
      const own = await bulletins.createBulletin(actor, {
        unitId: commune.id,
        title: 'Lịch tiêm chủng mở rộng tháng 12',
        priority: 'thuong',
        source: 'tts',
        text: `UBND ${commune.name} thông báo: ngày 05/12/2026, từ 7h30 đến 11h00, Trạm Y tế tiêm chủng mở rộng cho trẻ em dưới 5 tuổi. Đề nghị các gia đình đưa trẻ đến đúng giờ, mang theo sổ tiêm chủng.`,
        repeat: 1,
      });
      await bulletins.submitBulletin(actor, own.id);
      await bulletins.approveBulletin(actor, own.id);
      await programmes.placeQueued(actor, commune.id, own.id, morning.id);
      published++;
    } catch (err) {
      c.logger.warn({ err, commune: commune.name }, 'demo: bản tin của xã không tạo được (TTS?)');
    }
  }
  if (communes.length === 0) return { programmes: made, bulletins: published };
  try {
    const so = await bulletins.createBulletin(actors.so.drafter, {
      unitId: actors.so.drafter.unitId,
      title: 'Phòng, chống rét đậm, rét hại cho người và gia súc',
      priority: 'thuong',
      source: 'tts',
      text: 'Sở Văn hóa, Thể thao và Du lịch đề nghị các xã, phường tuyên truyền nhân dân giữ ấm cho người già, trẻ nhỏ; che chắn chuồng trại, dự trữ thức ăn cho gia súc khi nhiệt độ xuống dưới 10 độ C.',
      repeat: 1,
      targetUnitIds: communes.map((u) => u.id),
    });
    await bulletins.submitBulletin(actors.so.drafter, so.id);
    await bulletins.approveBulletin(actors.so.approver, so.id);
    published++;
  } catch (err) {
    c.logger.warn({ err }, 'demo: bản tin của Sở không tạo được (TTS?)');
  }
  return { programmes: made, bulletins: published };
}
