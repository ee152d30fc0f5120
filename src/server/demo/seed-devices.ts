import type { Container } from '../container.ts';
import type { UnitView } from '../modules/units/index.ts';
import { communeFeature, pointsInside } from '../platform/geo.ts';
import { DEMO_ACTOR } from './demo-actor.ts';

const VILLAGES = [
  'Thôn Bản Giang',
  'Thôn Nà Đon',
  'Thôn Hua Bó',
  'Thôn Thẩm Phé',
  'Thôn Nà Khuy',
  'Thôn Bản Hon',
  'Thôn Sì Thâu Chải',
  'Thôn Phìn Hồ',
  'Thôn Nà Luồng',
  'Thôn Cốc Pa',
  'Thôn Lao Chải',
  'Thôn Tả Chải',
];

/**
 * Demo devices (issue #13's registry): in each demo commune twelve loudspeaker clusters, one per village (one under
 * maintenance), and one LED board at the People's Committee, so the "Thiết bị truyền thanh" page has something to
 * show; `loa start` runs them as simulated devices (simulate-devices.ts).
 * Fictitious serials and SIM numbers; no access token is made (an operator makes one, shown once). Each device
 * stands at a fixed point inside its commune's boundary (assets/geo), so the map shows it there.
 */
export async function seedDeviceDemo(c: Container, communes: readonly UnitView[]): Promise<{ devices: number }> {
  const svc = c.services.devices;
  let devices = 0;
  for (const [i, commune] of communes.entries()) {
    const boundary = commune.code ? communeFeature(commune.code) : null;
    const spots = boundary ? pointsInside(boundary.geometry, VILLAGES.length + 1, `demo:${commune.code}`) : [];
    const at = (k: number) => ({ lat: spots[k]?.lat ?? null, lon: spots[k]?.lon ?? null });
    for (const [j, village] of VILLAGES.entries()) {
      await svc.createDevice(DEMO_ACTOR, commune.id, {
        kind: 'loudspeaker_cluster',
        name: `Cụm loa ${village.replace(/^Thôn /, '')}`,
        vendor: 'Demo',
        model: 'IP-LOA 4G',
        serial: `DEMO-${i + 1}-${j + 1}`,
        simNumber: `0862${String(i * 100 + j).padStart(6, '0')}`,
        village,
        ...at(j),
        installedOn: '2026-03-15',
        status: j === 3 ? 'maintenance' : 'active',
      });
      devices++;
    }
    await svc.createDevice(DEMO_ACTOR, commune.id, {
      kind: 'led_board',
      name: 'Bảng LED trụ sở UBND xã',
      vendor: 'Demo',
      model: 'LED P10',
      serial: `DEMO-${i + 1}-LED`,
      simNumber: null,
      village: null,
      ...at(VILLAGES.length),
      installedOn: '2026-05-20',
      status: 'active',
    });
    devices++;
  }
  return { devices };
}
