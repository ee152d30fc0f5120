import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildSignedInUser, buildUnit } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import type { AlertPreview, AlertView } from '../../../shared/contracts/alerts.ts';
import { validateAgainstXsd } from './cap-validate.ts';

/** Lai Châu in the 2026 list (the demo's province) and two of its communes with boundaries in assets/geo/. */
const LAI_CHAU = unitIdFor('vn-2026', '12');
const BINH_LU = unitIdFor('vn-2026', '03390');
const TAN_PHONG = unitIdFor('vn-2026', '03408');
const NOW = new Date('2026-12-01T02:00:00Z');
const HOUR = 3600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** The alerts' HTTP boundary: roles and other units (attacker-style), publication after the XSD and rules, chains, the feed. */
describe('alerts API', () => {
  let t: TestContext;
  const s: Partial<Record<'drafter' | 'approver' | 'viewer' | 'communeApprover', Session>> = {};
  let soId: string;
  const req = (who: keyof typeof s | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...(who ? s[who]!.headers : {}), ...headers }, ...(payload ? { payload } : {}) });
  const alertOf = (res: { json(): unknown }) => (res.json() as { alert: AlertView }).alert;
  const body = (over: object = {}) => ({
    unitId: soId,
    status: 'Exercise',
    categories: ['Met'],
    event: 'Lũ quét',
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    vi: { headline: 'Diễn tập: cảnh báo lũ quét', description: 'Mưa lớn có thể gây lũ quét & sạt lở <vùng trũng>.', instruction: 'Di chuyển lên vùng cao.', contact: 'Sở VHTTDL' },
    en: { headline: 'Exercise: flash flood warning', description: 'Heavy rain may cause flash floods.', event: 'Flash flood' },
    expires: at(24 * HOUR),
    areaUnitIds: [BINH_LU, TAN_PHONG],
    ...over,
  });
  const compose = async (over: object = {}) => {
    const res = await req('drafter', 'POST', '/api/alerts', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return alertOf(res);
  };
  const feed = async () => (await t.app.inject({ method: 'GET', url: '/cap/atom.xml' })).body;

  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
    soId = so.id;
    const make = async (roles: Role[], unitId = soId) => (await buildSignedInUser(t.c, { unitId, roles })).session;
    s.drafter = await make(['drafter']);
    s.approver = await make(['approver']);
    s.viewer = await make(['viewer']);
    s.communeApprover = await make(['approver'], BINH_LU);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('compose → submit → publish: roles, scope, Vietnamese errors, the document as published, idempotent', async () => {
    expect((await req('viewer', 'POST', '/api/alerts', body())).statusCode).toBe(403);
    expect((await req('communeApprover', 'POST', '/api/alerts', body())).statusCode).toBe(404);
    const bad = await req('drafter', 'POST', '/api/alerts', body({ status: 'System', vi: { headline: '', description: 'x' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Dữ liệu không hợp lệ') } });
    const outside = await req('drafter', 'POST', '/api/alerts', body({ areaUnitIds: [randomUUID()] }));
    expect(outside.json()).toMatchObject({ error: { code: 'ALERT_BAD_AREA', message: expect.stringContaining('Vùng cảnh báo') } });

    const areas = (await req('drafter', 'GET', `/api/alerts/areas?unitId=${soId}`)).json() as { items: { id: string }[] };
    expect(areas.items.map((u) => u.id)).toEqual(expect.arrayContaining([BINH_LU, TAN_PHONG]));

    const a = await compose();
    expect(a).toMatchObject({ state: 'draft', phase: 'draft', msgType: 'Alert', identifier: null, areas: [{ name: 'Xã Bình Lư', code: '03390' }, { code: '03408' }] });
    expect(a.capabilities).toMatchObject({ edit: true, submit: true, publish: false, emergencyPublish: false });
    expect((await req('communeApprover', 'GET', `/api/alerts/${a.id}`)).statusCode).toBe(404);
    expect((await req('communeApprover', 'POST', `/api/alerts/${a.id}/publish`)).statusCode).toBe(404);
    expect((await req('drafter', 'POST', `/api/alerts/${a.id}/publish`)).statusCode).toBe(403);
    expect((await req('viewer', 'PATCH', `/api/alerts/${a.id}`, { event: 'X' })).statusCode).toBe(403);

    const preview = (await req('drafter', 'GET', `/api/alerts/${a.id}/preview.xml`)).json() as AlertPreview;
    expect(preview.problems).toEqual([]);
    expect(preview.xml).toContain('<polygon>');

    expect(alertOf(await req('drafter', 'POST', `/api/alerts/${a.id}/submit`))).toMatchObject({ state: 'submitted', capabilities: { publish: false } });
    const key = { 'idempotency-key': `k-${randomUUID()}` };
    const res = await req('approver', 'POST', `/api/alerts/${a.id}/publish`, undefined, key);
    expect(res.statusCode, res.body).toBe(200);
    const pub = alertOf(res);
    expect(pub).toMatchObject({ state: 'published', phase: 'active', emergency: false, references: null, sent: NOW.toISOString(), capabilities: { update: true, cancel: true } });
    expect(pub.identifier).toMatch(/^svhttdl|^u-[0-9a-f]{8}\.gov\.vn-20261201-001$/);
    expect(pub.identifier).not.toMatch(/[\s,<&]/);
    const again = alertOf(await req('approver', 'POST', `/api/alerts/${a.id}/publish`, undefined, key));
    expect(again.identifier).toBe(pub.identifier);
    expect((await req('approver', 'POST', `/api/alerts/${a.id}/publish`, undefined, { 'idempotency-key': `k-${randomUUID()}` })).json()).toMatchObject({
      error: { code: 'ALERT_IDEMPOTENCY_MISMATCH' },
    });

    const doc = await t.app.inject({ method: 'GET', url: pub.xmlUrl! });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('application/cap+xml');
    expect(doc.headers).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': expect.stringContaining('public') });
    const stored = (await req('viewer', 'GET', `/api/alerts/${a.id}/preview.xml`)).json() as AlertPreview;
    expect(doc.body).toBe(stored.xml);
    expect(await validateAgainstXsd(doc.body)).toEqual([]);
    expect(doc.body).toContain(`<sent>2026-12-01T09:00:00+07:00</sent>`);
    expect(doc.body).toContain('<status>Exercise</status>');
    expect(doc.body).toContain('<language>en-US</language>');
    expect(doc.body).toContain('<valueName>GSO</valueName>\n        <value>03390</value>');
    expect(doc.body).toContain('lũ quét &amp; sạt lở &lt;vùng trũng&gt;');
    expect((await t.app.inject({ method: 'GET', url: pub.xmlUrl!, headers: { 'if-none-match': String(doc.headers.etag) } })).statusCode).toBe(304);
    expect((await feed()).split('<entry>')).toHaveLength(2);
    expect(await feed()).toContain(`href="http://loa.test/cap/${pub.identifier}.xml"`);
    expect(await auditEventsFor(t.c, a.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'alert.publish' })]));
  });

  it('unpublished and unknown documents are 404; a failing rule keeps the alert a draft with a Vietnamese error naming the field', async () => {
    const a = await compose({ expires: at(-HOUR) });
    expect((await t.app.inject({ method: 'GET', url: `/cap/${a.id}.xml` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/cap/nope.xml' })).statusCode).toBe(404);
    const res = await req('approver', 'POST', `/api/alerts/${a.id}/publish`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { code: 'ALERT_INVALID', issues: [{ path: 'info[0].expires', message: expect.stringContaining('phải sau thời điểm gửi') }, { path: 'info[1].expires' }] },
    });
    expect(alertOf(await req('approver', 'GET', `/api/alerts/${a.id}`))).toMatchObject({ state: 'draft', identifier: null });
  });

  it('Update and Cancel chains: references list every earlier message, an Update replaces, a Cancel shows until it expires', async () => {
    const a = await compose({ vi: { headline: 'Cảnh báo gốc', description: 'Bản đầu.' }, en: null });
    const original = alertOf(await req('approver', 'POST', `/api/alerts/${a.id}/publish`));
    expect(original).toMatchObject({ state: 'published', emergency: true });
    expect(await auditEventsFor(t.c, a.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'alert.emergency_publish' })]));
    const sentOf = (v: AlertView) => `${v.sender},${v.identifier},2026-12-01T${new Date(new Date(v.sent!).getTime() + 7 * HOUR).toISOString().slice(11, 19)}+07:00`;

    expect((await req('drafter', 'POST', `/api/alerts/${a.id}/update`, {})).statusCode).toBe(403);
    t.clock.set(new Date(NOW.getTime() + HOUR));
    const upd = await req('approver', 'POST', `/api/alerts/${a.id}/update`, {});
    expect(upd.statusCode, upd.body).toBe(201);
    const draftUpdate = alertOf(upd);
    expect(draftUpdate).toMatchObject({ state: 'draft', msgType: 'Update', previousId: a.id, capabilities: { publish: true, emergencyPublish: false } });
    await req('drafter', 'PATCH', `/api/alerts/${draftUpdate.id}`, { vi: { headline: 'Cảnh báo cập nhật', description: 'Mưa tăng.' } });
    const update = alertOf(await req('approver', 'POST', `/api/alerts/${draftUpdate.id}/publish`));
    expect(update.references).toBe(sentOf(original));
    expect(update.emergency).toBe(false);
    expect(alertOf(await req('viewer', 'GET', `/api/alerts/${a.id}`))).toMatchObject({ phase: 'updated', capabilities: { update: false } });
    let atom = await feed();
    expect(atom).toContain('Cảnh báo cập nhật');
    expect(atom).not.toContain('Cảnh báo gốc');
    expect((await req('approver', 'POST', `/api/alerts/${a.id}/cancel`, {})).json()).toMatchObject({ error: { code: 'ALERT_CHAIN_ENDED' } });

    t.clock.set(new Date(NOW.getTime() + 2 * HOUR));
    const draftCancel = alertOf(await req('approver', 'POST', `/api/alerts/${update.id}/cancel`, { note: 'Mưa đã ngớt, hủy cảnh báo.' }));
    const cancel = alertOf(await req('approver', 'POST', `/api/alerts/${draftCancel.id}/publish`));
    expect(cancel).toMatchObject({ msgType: 'Cancel', phase: 'active', capabilities: { update: false, cancel: false } });
    expect(cancel.references).toBe(`${sentOf(original)} ${sentOf(update)}`);
    expect(cancel.chain.map((c) => c.msgType)).toEqual(['Alert', 'Update', 'Cancel']);
    const cancelXml = (await t.app.inject({ method: 'GET', url: cancel.xmlUrl! })).body;
    expect(cancelXml).toContain('<msgType>Cancel</msgType>');
    expect(cancelXml).toContain('<note>Mưa đã ngớt, hủy cảnh báo.</note>');
    expect(await validateAgainstXsd(cancelXml)).toEqual([]);
    atom = await feed();
    expect(atom).toContain(cancel.identifier!);
    expect(atom).not.toContain(update.identifier!);
    expect((await req('approver', 'POST', `/api/alerts/${cancel.id}/update`, {})).json()).toMatchObject({ error: { code: 'ALERT_CHAIN_ENDED' } });
    const list = (phase: string) => req('viewer', 'GET', `/api/alerts?unitId=${soId}&phase=${phase}`);
    const ids = async (phase: string) => ((await list(phase)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await ids('updated')).toContain(a.id);
    expect(await ids('cancelled')).toContain(update.id);
    expect(await ids('active')).toContain(cancel.id);
    expect(await ids('active')).not.toContain(update.id);
    expect((await req('communeApprover', 'GET', `/api/alerts?unitId=${soId}`)).json()).toMatchObject({ items: [], capabilities: { draft: true } });

    // Past every expiry (24 h): the feed is empty, the documents stay readable (no session needed).
    t.clock.set(new Date(NOW.getTime() + 25 * HOUR));
    atom = await feed();
    expect(atom).not.toContain('<entry>');
    expect((await t.app.inject({ method: 'GET', url: cancel.xmlUrl! })).body).toBe(cancelXml);
    t.clock.set(NOW);
  });
});
