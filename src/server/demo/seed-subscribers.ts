import type { Container } from '../container.ts';
import type { Actor } from '../modules/access/index.ts';
import type { UnitView } from '../modules/units/index.ts';

/**
 * Demo SMS subscriber lists: in each demo commune a list of commune staff, one of village heads and
 * one of registered households, about 30 numbers each, imported through the real CSV import (so the
 * demo shows normalised numbers, telcos and a merged duplicate). Every name and number is FICTITIOUS:
 * the numbers are 0PP000NNNN-shaped (a real mobile prefix PP, then 000), chosen to look reserved, and
 * belong to no one known to Loa.
 */
const FAMILY = ['Lò', 'Tẩn', 'Vàng', 'Giàng', 'Lý', 'Sùng', 'Nguyễn', 'Hoàng', 'Đèo', 'Lường'];
const GIVEN = ['Văn Minh', 'Thị Lan', 'A Páo', 'Thị Mỷ', 'Văn Hùng', 'Seo Chứ', 'Thị Hoa', 'Văn Thắng', 'A Dơ', 'Thị Xuân', 'Văn Quý'];
const VILLAGES = ['Bản Hon', 'Bản Bo', 'Bản Nà Đon', 'Bản Sin Suối Hồ', 'Bản Thẳm Phẩng'];
/** Prefixes of the main telcos (Viettel, VinaPhone, MobiFone, Vietnamobile, iTel), so the telco column shows a mix. */
const PREFIXES = ['096', '097', '086', '035', '091', '088', '090', '070', '092', '087'];

const LISTS = [
  { kind: 'can_bo_xa', name: 'Cán bộ, công chức xã', size: 24, offset: 0 },
  { kind: 'truong_thon', name: 'Trưởng bản và bí thư chi bộ', size: 30, offset: 100 },
  { kind: 'ho_gia_dinh', name: 'Hộ gia đình đăng ký nhận tin', size: 36, offset: 200 },
] as const;

/** Spelled as staff type them: +84, spaces, dots, a 9-digit cell (Excel dropped the 0). */
function spelled(phone: string, i: number): string {
  const rest = phone.slice(1);
  switch (i % 5) {
    case 1:
      return `+84 ${rest.slice(0, 2)} ${rest.slice(2, 5)} ${rest.slice(5)}`;
    case 2:
      return `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`;
    case 3:
      return rest;
    default:
      return phone;
  }
}

export interface SubscriberDemo {
  lists: number;
  subscribers: number;
}

export async function seedSubscriberDemo(c: Container, communes: readonly UnitView[], actorFor: (commune: UnitView) => Actor): Promise<SubscriberDemo> {
  const svc = c.services.subscribers;
  let lists = 0;
  let subscribers = 0;
  for (const [ci, commune] of communes.entries()) {
    const actor = actorFor(commune);
    for (const spec of LISTS) {
      const list = await svc.createList(actor, commune.id, { name: spec.name, kind: spec.kind, description: 'Dữ liệu mẫu: họ tên và số điện thoại hư cấu.' });
      const rows = ['Họ tên,Số điện thoại,Thôn'];
      for (let i = 0; i < spec.size; i++) {
        const n = ci * 1000 + spec.offset + i;
        const phone = `${PREFIXES[n % PREFIXES.length]}000${String(n).padStart(4, '0')}`;
        rows.push(`${FAMILY[n % FAMILY.length]} ${GIVEN[(n * 7) % GIVEN.length]},${spelled(phone, i)},${VILLAGES[i % VILLAGES.length]}`);
      }
      // A household that signed up twice: merged by the import.
      if (spec.kind === 'ho_gia_dinh') rows.push(rows[1]!.replace(/,[^,]*,/, `,${rows[1]!.split(',')[1]},`));
      const report = await svc.importFile(actor, list.id, { fileName: 'danh-sach-mau.csv', contentBase64: Buffer.from(rows.join('\n'), 'utf8').toString('base64'), dryRun: false });
      lists++;
      subscribers += report.added;
      if (spec.kind === 'ho_gia_dinh') {
        const page = await svc.listSubscribers(actor, list.id, { offset: 0, limit: 3 });
        const first = page.items[0];
        if (first) await svc.optOutSubscriber(actor, first.id, 'Hộ gia đình đề nghị không nhận tin (dữ liệu mẫu)');
      }
    }
  }
  return { lists, subscribers };
}
