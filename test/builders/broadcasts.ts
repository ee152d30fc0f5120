// Builders and readers for the broadcasts tests: actors of a unit, a subscriber list of many numbers, the
// delivery rows as stored, and an SMPP client on an in-process SMSC simulator.
import { sql } from 'drizzle-orm';
import type { Container } from '../../src/server/container.ts';
import { rowsOf } from '../../src/server/db/client.ts';
import type { DatabaseKind } from '../../src/server/db/client.ts';
import type { Actor, Role } from '../../src/server/modules/access/index.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { createSmppProvider } from '../../src/server/providers/sms/smpp.ts';
import type { SmppProvider } from '../../src/server/providers/sms/smpp.ts';
import { startSmscSimulator } from '../../src/server/providers/sms/smsc-simulator.ts';
import type { SimulatorOptions, SmscSimulator } from '../../src/server/providers/sms/smsc-simulator.ts';
import { until } from '../support/async.ts';
import { createTestContext } from '../support/harness.ts';
import type { TestContext } from '../support/harness.ts';
import { TT_TAM_DUONG, buildUser, importLaiChau } from '../factories.ts';

export async function actorIn(c: Container, unitId: string, role: Role): Promise<Actor> {
  const unit = (await c.services.units.lookup.byId(unitId))!;
  const user = await buildUser(c, { unitId, roles: [role] });
  return { userId: user.id, username: user.username, displayName: role, unitId, unitPath: unit.path, roles: [role], ip: null };
}

/** Fictitious Viettel numbers 0960000000 + i. */
export const phoneNo = (i: number): string => `096${String(i).padStart(7, '0')}`;

/** A list of `count` subscribers in the unit (imported as CSV by a clerk). */
export async function buildList(c: Container, unitId: string, count: number, from = 0): Promise<string> {
  const clerk = await actorIn(c, unitId, 'clerk');
  const svc = c.services.subscribers;
  const list = await svc.createList(clerk, unitId, { name: `Danh sách ${from}`, kind: 'ho_gia_dinh', description: null });
  const rows = Array.from({ length: count }, (_, i) => `Hộ ${from + i},${phoneNo(from + i)},`);
  const csv = Buffer.from(['Họ tên,Số điện thoại,Thôn', ...rows].join('\n'), 'utf8').toString('base64');
  await svc.importFile(clerk, list.id, { fileName: 'ds.csv', contentBase64: csv, dryRun: false });
  return list.id;
}

export interface StoredDelivery {
  id: string;
  phone: string;
  state: string;
  error: string | null;
  messageId: string | null;
  attempts: number;
}

export async function deliveriesOf(c: Container, broadcastId: string): Promise<StoredDelivery[]> {
  const r = await c.database.db.execute(sql`
    SELECT id, phone, state, error, message_id AS "messageId", attempts FROM sms_deliveries WHERE broadcast_id = ${broadcastId} ORDER BY phone`);
  return rowsOf<StoredDelivery>(r);
}

/** The text of the test campaigns of the SMS roll-up (UCS-2 unaccented: one GSM-7 part). */
export const CAMPAIGN_TEXT = 'UBND huyện thông báo: tiêm chủng mở rộng tại trạm y tế xã sáng thứ Bảy.';

/**
 * A routine campaign of `unitId` to the lists, submitted and approved with `outcomes` pushed onto the simulator's
 * `draws` in between (the peer's random source), sent, and every delivery settled (delivered, failed or rejected).
 */
export async function sendCampaign(
  c: Container,
  o: { unitId: string; drafter: Actor; approver: Actor; listIds: readonly string[]; draws: number[]; outcomes: readonly number[]; title?: string },
): Promise<string> {
  const svc = c.services.broadcasts;
  const b = await svc.createBroadcast(o.drafter, {
    unitId: o.unitId,
    title: o.title ?? 'Tuyên truyền',
    priority: 'thuong',
    smsText: CAMPAIGN_TEXT,
    unaccented: true,
    audience: { unitIds: [], listIds: [...o.listIds] },
  });
  await svc.submitBroadcast(o.drafter, b.id);
  o.draws.push(...o.outcomes);
  await svc.approveBroadcast(o.approver, b.id);
  await c.jobs.drain();
  await until(async () => (await deliveriesOf(c, b.id)).every((d) => ['delivered', 'failed', 'rejected'].includes(d.state)));
  return b.id;
}

/** A khẩn cấp broadcast of the unit to one list, approved in one step by the unit's approver; its deliveries. */
export async function emergencyCampaign(c: Container, unitId: string, listId: string): Promise<StoredDelivery[]> {
  const drafter = await actorIn(c, unitId, 'drafter');
  const approver = await actorIn(c, unitId, 'approver');
  const b = await c.services.broadcasts.createBroadcast(drafter, {
    unitId,
    title: 'Thử',
    priority: 'khan_cap',
    smsText: 'Thong bao thu',
    unaccented: false,
    audience: { unitIds: [], listIds: [listId] },
  });
  await c.services.broadcasts.emergencyApproveBroadcast(approver, b.id);
  return deliveriesOf(c, b.id);
}

export async function setDeliveryState(c: Container, id: string, state: string): Promise<void> {
  await c.database.db.execute(sql`UPDATE sms_deliveries SET state = ${state} WHERE id = ${id}`);
}

export async function countRowsWhere(c: Container, table: 'sms_deliveries' | 'jobs', like: string): Promise<number> {
  const r =
    table === 'jobs'
      ? await c.database.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE id LIKE ${like}`)
      : await c.database.db.execute(sql`SELECT count(*)::int AS n FROM sms_deliveries WHERE broadcast_id::text = ${like}`);
  return rowsOf<{ n: number }>(r)[0]!.n;
}

export type SmsPeer = Awaited<ReturnType<typeof smsPeer>>;

/** The simulator on a free loopback port and a one-bind client pointed at it. */
export async function smsPeer(o: SimulatorOptions = {}): Promise<{ simulator: SmscSimulator; sms: SmppProvider; close(): Promise<void> }> {
  const simulator = await startSmscSimulator({ host: '127.0.0.1', port: 0, dlrDelayMs: 50, ...o });
  const sms = createSmppProvider({
    accounts: [{ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'loa', password: 'x', window: 10 }],
    log: createLogger('silent'),
  });
  await sms.ready(5000);
  return {
    simulator,
    sms,
    async close() {
      await sms.close();
      await simulator.close();
    },
  };
}

/**
 * A test context (Lai Châu's units) sending through the SMSC simulator, the send job listening, and
 * Thị trấn Tam Đường's drafter and approver; close `t` and `peer` after.
 */
export async function simulatorContext(kind: DatabaseKind, o: SimulatorOptions = {}): Promise<{ t: TestContext; peer: SmsPeer; drafter: Actor; approver: Actor }> {
  const peer = await smsPeer(o);
  const t = await createTestContext(kind, { sms: peer.sms });
  t.c.services.smsSending.listen();
  await importLaiChau(t.c);
  return { t, peer, drafter: await actorIn(t.c, TT_TAM_DUONG, 'drafter'), approver: await actorIn(t.c, TT_TAM_DUONG, 'approver') };
}
