// Issue #14.6's Done-when, end to end with every local peer: the SMSC simulator, the embedded MQTT broker with
// simulated loudspeakers and an LED board, the fake Graph API and Zalo OA API, the portal home and the CAP feed.
// One emergency message to two communes; every channel reaches its final state; the per-channel counts are printed.
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import type { MqttBus } from '../../providers/mqtt/port.ts';
import { createFacebookProvider } from '../../providers/social/facebook.ts';
import { startFakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import type { FakeFacebook } from '../../providers/social/fake-facebook-server.ts';
import { startFakeZalo } from '../../providers/social/fake-zalo-server.ts';
import type { FakeZalo } from '../../providers/social/fake-zalo-server.ts';
import { createZaloProvider } from '../../providers/social/zalo.ts';
import { BANNER_ANCHOR, renditionsOf } from '../../../shared/contracts/emergency.ts';
import type { EmergencyView, LaunchBody } from '../../../shared/contracts/emergency.ts';
import { SYSTEM_ACTOR, systemActor } from '../access/index.ts';
import { CAP_XSD } from '../alerts/cap-validate.ts';
import { startDeviceMessaging } from '../devices/index.ts';
import { startFleet } from '../devices/simulator/fleet.ts';
import type { Fleet } from '../devices/simulator/fleet.ts';
import { unitIdFor } from '../units/index.ts';
import { actorIn, buildList, smsPeer } from '../../../../test/builders/broadcasts.ts';
import type { SmsPeer } from '../../../../test/builders/broadcasts.ts';
import { LAI_CHAU, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { until } from '../../../../test/support/async.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';

const PAGE = '104857600000077';
const FB_TOKEN = `EAAGm0PX4ZCpsBA${'e'.repeat(40)}Zz9`;
const FB_SECRET = 'a3c1a9e0b2d44c7e8a61b5d9c0e7f999';
const OA = '4318000000000000077';
const ZALO_TOKEN = `zoa_${'m'.repeat(48)}_Tk`;
const ZALO_SECRET = 'Zs3cr3tK3yOfTheOA0123477';
const ZALO_APP = '2718281828459077';
const DIEN_BIEN = unitIdFor('vn-2025', '11');
const actor = systemActor('cli:test emergency');
const COMMUNES = [TT_TAM_DUONG, TT_MUONG_TE];
const TITLE = 'Cảnh báo lũ quét tại Tam Đường và Mường Tè';
const TEXT = 'Mưa lớn kéo dài, nguy cơ lũ quét và sạt lở đất rất cao. Người dân ven suối di chuyển ngay đến nơi an toàn.';

const xmllint = (args: string[], input: string) => spawnSync('xmllint', args, { input, encoding: 'utf8' });

describe('one emergency message, every channel', () => {
  let t: TestContext;
  let fb: FakeFacebook;
  let zalo: FakeZalo;
  let peer: SmsPeer;
  let bus: MqttBus;
  let fleet: Fleet;
  let soId: string;
  const s: Record<'approver' | 'drafter' | 'other', Session> = {} as never;
  const now = () => (t ? t.clock.now().getTime() : Date.now());
  const req = (who: keyof typeof s, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...s[who].headers, ...headers }, ...(payload ? { payload } : {}) });
  const launchBody = (o: Partial<LaunchBody> = {}): LaunchBody => ({
    unitId: soId,
    areaUnitIds: COMMUNES,
    title: TITLE,
    text: TEXT,
    channels: ['sms', 'loudspeaker', 'banner', 'social', 'cap'],
    renditions: renditionsOf(TITLE, TEXT, { portalUrl: 'http://loa.test', authority: 'So VHTTDL Lai Chau' }),
    capStatus: 'Exercise',
    ...o,
  });
  const count = async (table: string) => rowsOf<{ n: number }>(await t.c.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
  const counts = async () => ({
    broadcasts: await count('broadcasts'),
    deliveries: await count('sms_deliveries'),
    bulletins: await count('bulletins'),
    targets: await count('bulletin_targets'),
    alerts: await count('cap_alerts'),
    publications: await count('social_publications'),
    emergencies: await count('emergency_messages'),
    jobs: await count('jobs'),
  });

  beforeAll(async () => {
    fb = await startFakeFacebook({ pageTokens: { [PAGE]: FB_TOKEN }, appSecret: FB_SECRET, now });
    zalo = await startFakeZalo({ oaTokens: { [OA]: ZALO_TOKEN }, appId: ZALO_APP, oaSecretKey: ZALO_SECRET, now });
    peer = await smsPeer();
    t = await createTestContext('pglite', {
      sms: peer.sms,
      social: {
        facebook: createFacebookProvider({ baseUrl: fb.url, timeoutMs: 2000 }),
        zalo: createZaloProvider({ baseUrl: zalo.url, timeoutMs: 2000, defaultCoverUrl: 'http://loa.test/logo.png', verifyDelayMs: 0 }),
      },
    });
    t.c.services.smsSending.listen();
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12', '11'] });
    soId = (await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' })).id;
    const otherSo = await buildUnit(t.c, { parentId: DIEN_BIEN, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch Điện Biên' });
    s.approver = (await buildSignedInUser(t.c, { unitId: soId, roles: ['approver'] })).session;
    s.drafter = (await buildSignedInUser(t.c, { unitId: soId, roles: ['drafter'] })).session;
    s.other = (await buildSignedInUser(t.c, { unitId: otherSo.id, roles: ['approver'] })).session;
    // Subscribers: 3 households in Tam Đường, 2 in Mường Tè.
    await buildList(t.c, TT_TAM_DUONG, 3, 0);
    await buildList(t.c, TT_MUONG_TE, 2, 100);
    // A loudspeaker cluster in each commune and an LED board in Tam Đường, on the embedded broker.
    const blank = { vendor: null, model: null, serial: null, simNumber: null, lat: null, lon: null, installedOn: null, status: 'active' } as const;
    const made = [
      { unitId: TT_TAM_DUONG, kind: 'loudspeaker_cluster', name: 'Cụm loa Bản Hon', audience: 120 },
      { unitId: TT_MUONG_TE, kind: 'loudspeaker_cluster', name: 'Cụm loa Bản Nậm', audience: 90 },
      { unitId: TT_TAM_DUONG, kind: 'led_board', name: 'Bảng LED trung tâm', audience: 0 },
    ] as const;
    const fleetList = [];
    for (const d of made) {
      const dev = await t.c.services.devices.createDevice(actor, d.unitId, { ...blank, kind: d.kind, name: d.name, village: null, audience: d.audience });
      const token = (await t.c.services.deviceCredentials.issueCredential(actor, dev.id)).token;
      fleetList.push({ deviceId: dev.id, unitId: d.unitId, kind: d.kind, token });
    }
    bus = await startDeviceMessaging({ host: '127.0.0.1', port: 0, logger: t.c.logger }, { credentials: t.c.services.deviceCredentials, gateway: t.c.services.deviceGateway });
    fleet = await startFleet(fleetList, { mqtt: bus.url }, { speed: 20, heartbeatMs: 60_000 });
    // The Sở's Facebook Page and Zalo OA.
    const admin = await actorIn(t.c, soId, 'unit_admin');
    await t.c.services.socialAccounts.connectAccount(admin, soId, {
      platform: 'facebook',
      pageId: PAGE,
      displayName: 'Sở VHTTDL Lai Châu',
      accessToken: FB_TOKEN,
      appSecret: FB_SECRET,
    });
    await t.c.services.socialAccounts.connectAccount(admin, soId, {
      platform: 'zalo',
      pageId: OA,
      displayName: 'Zalo OA Sở VHTTDL',
      accessToken: ZALO_TOKEN,
      appSecret: ZALO_SECRET,
      appId: ZALO_APP,
    });
  }, 60_000);
  afterAll(async () => {
    await fleet?.stop();
    await bus?.close();
    await t?.close();
    await peer?.close();
    await fb?.close();
    await zalo?.close();
  });

  it('access: a drafter cannot launch (403), another province’s approver is 404', async () => {
    const drafter = await req('drafter', 'POST', '/api/emergency', launchBody());
    expect(drafter.statusCode, drafter.body).toBe(403);
    const other = await req('other', 'POST', '/api/emergency', launchBody());
    expect(other.statusCode, other.body).toBe(404);
    expect((await req('other', 'POST', '/api/emergency/reach', { unitId: soId, areaUnitIds: COMMUNES })).statusCode).toBe(404);
  });

  it('a channel failing inside the transaction (the CAP alert expires before it is sent) creates nothing anywhere', async () => {
    const before = await counts();
    const res = await req('approver', 'POST', '/api/emergency', launchBody({ expires: new Date(now() - 3600_000).toISOString() }));
    expect(res.statusCode, res.body).toBe(422);
    expect((res.json() as { error: { code: string } }).error.code).toBe('ALERT_INVALID');
    expect(await counts()).toEqual(before);
    expect(fb.posts).toHaveLength(0);
  });

  it('fans out to SMS, loudspeakers and LED, the portal home, the pages and the CAP feed, and reports each channel', async () => {
    const choices = await req('approver', 'GET', '/api/emergency/choices');
    expect(choices.statusCode, choices.body).toBe(200);
    expect((choices.json() as { communes: { id: string }[] }).communes.map((c) => c.id)).toEqual(expect.arrayContaining(COMMUNES));
    const reach = await req('approver', 'POST', '/api/emergency/reach', { unitId: soId, areaUnitIds: COMMUNES });
    expect(reach.statusCode, reach.body).toBe(200);
    expect(reach.json()).toMatchObject({ subscribers: 5, loudspeakers: 2, ledBoards: 1, unavailable: {} });
    expect((reach.json() as { pages: unknown[] }).pages).toHaveLength(2);

    const key = { 'idempotency-key': 'khan-cap-lu-quet-0001' };
    const res = await req('approver', 'POST', '/api/emergency', launchBody(), key);
    expect(res.statusCode, res.body).toBe(201);
    const launched = (res.json() as { emergency: EmergencyView }).emergency;
    // A retried request with the same key gets the same message (nothing is sent twice).
    const again = await req('approver', 'POST', '/api/emergency', launchBody(), key);
    expect((again.json() as { emergency: EmergencyView }).emergency.id).toBe(launched.id);
    // The key in the body (the admin UI's way) is the same key.
    const other = await req('approver', 'POST', '/api/emergency', launchBody({ title: 'Khác', idempotencyKey: key['idempotency-key'] }));
    expect(other.statusCode).toBe(409);
    expect((other.json() as { error: { code: string } }).error.code).toBe('EMERGENCY_IDEMPOTENCY_MISMATCH');

    let view = launched;
    const waitFrom = Date.now();
    await until(async () => {
      // On a loaded machine a command or a page's answer may miss: the clock moves on so the outbox's delayed work
      // (the khẩn cấp dispatch job 30 s after publication, a page's retry) falls due, as it would in production.
      if (Date.now() - waitFrom > 3000) t.clock.set(new Date(t.clock.now().getTime() + 5000));
      await t.c.jobs.drain();
      view = ((await req('approver', 'GET', `/api/emergency/${launched.id}`)).json() as { emergency: EmergencyView }).emergency;
      return view.final;
    }, 20_000).catch((err: unknown) => {
      throw new Error(`${String(err)}: ${JSON.stringify(view.channels.map((c) => [c.channel, c.state, c.counts]))}`);
    });
    const ch = Object.fromEntries(view.channels.map((c) => [c.channel, c]));
    const report = Object.fromEntries(view.channels.map((c) => [c.channel, { state: c.state, ...c.counts, total: c.total, url: c.url }]));
    console.log(JSON.stringify({ emergency: launched.id, channels: report }));

    expect(ch.sms).toMatchObject({ state: 'done', total: 5, counts: { delivered: 5, failed: 0, ambiguous: 0, pending: 0 } });
    expect(ch.loudspeaker).toMatchObject({ state: 'done', total: 3, counts: { started: 3 } });
    expect(ch.social).toMatchObject({ state: 'done', total: 2, counts: { published: 2, failed: 0 } });
    expect(ch.cap!.state).toBe('done');
    expect(ch.banner).toMatchObject({ state: 'done', counts: { shown: 1 } });

    // SMS: every subscriber’s number reached the simulator.
    expect(peer.simulator.acceptedByDestination.size).toBe(5);
    // The pages: posts with the link to the portal's notice.
    const link = `http://loa.test/#${BANNER_ANCHOR}`;
    expect(fb.posts).toHaveLength(1);
    expect(fb.posts[0]!.link).toBe(link);
    expect(zalo.articles).toHaveLength(1);
    expect(JSON.stringify(zalo.articles[0])).toContain(link);
    // The portal home shows the notice at the top.
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`id="${BANNER_ANCHOR}"`);
    expect(home.body).toContain(TITLE);
    // The CAP feed lists the alert; its document validates against the OASIS XSD.
    const capUrl = ch.cap!.url!;
    const identifier = /\/cap\/([^/]+)\.xml$/.exec(capUrl)![1]!;
    const feed = await t.app.inject({ method: 'GET', url: '/cap/atom.xml' });
    expect(feed.body).toContain(identifier);
    const doc = await t.app.inject({ method: 'GET', url: `/cap/${identifier}.xml` });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('<status>Exercise</status>');
    const lint = xmllint(['--noout', '--schema', CAP_XSD, '-'], doc.body);
    expect(lint.status, lint.stderr).toBe(0);

    // Audited as one launch, beside each channel's own events.
    const audit = rowsOf<{ action: string }>(await t.c.database.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${launched.id}`));
    expect(audit.map((a) => a.action)).toEqual(['emergency.launch']);

    // Taking the notice off the home page.
    const ended = await req('approver', 'POST', `/api/emergency/${launched.id}/end-banner`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).not.toContain(`id="${BANNER_ANCHOR}"`);
  });
});
