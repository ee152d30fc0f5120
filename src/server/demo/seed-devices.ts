import type { Container } from '../container.ts';
import type { UnitView } from '../modules/units/index.ts';
import { DEMO_ACTOR } from './demo-actor.ts';

const VILLAGES = ['Thôn Bản Giang', 'Thôn Nà Đon', 'Thôn Hua Bó', 'Thôn Thẩm Phé'];

/**
 * Demo devices (issue #13's registry): in each demo commune four loudspeaker clusters, one per village, and
 * one LED board at the People's Committee, so the "Thiết bị truyền thanh" page has something to show.
 * Fictitious serials and SIM numbers; no access token is made (an operator makes one, shown once).
 */
export async function seedDeviceDemo(c: Container, communes: readonly UnitView[]): Promise<{ devices: number }> {
  const svc = c.services.devices;
  let devices = 0;
  for (const [i, commune] of communes.entries()) {
    for (const [j, village] of VILLAGES.entries()) {
      await svc.createDevice(DEMO_ACTOR, commune.id, {
        kind: 'loudspeaker_cluster',
        name: `Cụm loa ${village.replace(/^Thôn /, '')}`,
        vendor: 'Demo',
        model: 'IP-LOA 4G',
        serial: `DEMO-${i + 1}-${j + 1}`,
        simNumber: `0862${String(i * 10 + j).padStart(6, '0')}`,
        village,
        lat: null,
        lon: null,
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
      lat: null,
      lon: null,
      installedOn: '2026-05-20',
      status: 'active',
    });
    devices++;
  }
  return { devices };
}
