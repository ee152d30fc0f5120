// The Done-when of issue #14.5 over a real HTTP server on loopback, on both databases (the feed's and the chains' SQL):
// /cap/atom.xml is well-formed Atom with the elements RFC 4287 requires, and every CAP document it links to validates
// against the OASIS CAP 1.2 XSD (xmllint).
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { buildUnit } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import type { CreateAlertBody } from '../../../shared/contracts/alerts.ts';
import { CAP_XSD, validateAgainstXsd } from './cap-validate.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const LAI_CHAU = unitIdFor('vn-2026', '12');
const COMMUNES = [unitIdFor('vn-2026', '03390'), unitIdFor('vn-2026', '03408'), unitIdFor('vn-2026', '03388')];

const xmllint = (args: string[], input: string) => spawnSync('xmllint', args, { input, encoding: 'utf8' });
/** An XPath over the Atom namespace (xmllint --xpath), as text. */
const xpath = (xml: string, expr: string) => xmllint(['--xpath', expr, '-'], xml).stdout.trim();
const atom = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

describeEachDb('CAP feed over HTTP', (kind) => {
  let t: TestContext;
  let base: string;

  beforeAll(async () => {
    // No PUBLIC_URL: the feed links to the host it was asked on (the loopback server).
    t = await createTestContext(kind, { now: NOW, publicUrl: null });
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    const so = await buildUnit(t.c, { parentId: LAI_CHAU, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
    const path = (await t.c.services.units.lookup.byId(so.id))!.path;
    const approver: Actor = { userId: SYSTEM_ACTOR.userId, username: 'test', displayName: 'Lãnh đạo Sở', unitId: so.id, unitPath: path, roles: ['approver'], ip: null };
    const { alerts } = t.c.services;
    const compose = (headline: string, areaUnitIds: string[]): CreateAlertBody => ({
      unitId: so.id,
      status: 'Exercise',
      scope: 'Public',
      categories: ['Met', 'Safety'],
      event: 'Lũ quét',
      urgency: 'Immediate',
      severity: 'Extreme',
      certainty: 'Observed',
      vi: { headline, description: 'Mưa lớn kéo dài, nguy cơ lũ quét và sạt lở đất.', instruction: 'Sơ tán ngay.', contact: 'Sở VHTTDL', event: null },
      en: { headline: `EN ${headline}`, description: 'Flash flood risk.', instruction: '', contact: '', event: 'Flash flood' },
      effective: NOW.toISOString(),
      onset: NOW.toISOString(),
      expires: new Date(NOW.getTime() + 24 * 3600_000).toISOString(),
      areaUnitIds,
      note: null,
    });
    // A chain Alert → Update (the feed shows the Update), a chain Alert → Cancel (the feed shows the Cancel), one Alert.
    let minute = 0;
    const publish = (id: string) => {
      t.clock.set(new Date(NOW.getTime() + ++minute * 60_000));
      return alerts.publishAlert(approver, id);
    };
    const first = await publish((await alerts.createAlert(approver, compose('Lũ quét Bình Lư', COMMUNES.slice(0, 2)))).id);
    await publish((await alerts.updatePublished(approver, first.id, null)).id);
    const second = await publish((await alerts.createAlert(approver, compose('Sạt lở Đoàn Kết', COMMUNES.slice(2)))).id);
    await publish((await alerts.cancelPublished(approver, second.id, 'Đã hết nguy cơ.')).id);
    await publish((await alerts.createAlert(approver, compose('Giông lốc', COMMUNES))).id);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('atom.xml is Atom 1.0 (RFC 4287 required elements), newest first, and every CAP document it links validates against the XSD', async () => {
    const res = await fetch(`${base}/cap/atom.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const feed = await res.text();
    expect(Buffer.byteLength(feed)).toBeLessThan(1_000_000);
    expect(xmllint(['--noout', '-'], feed).status).toBe(0);

    const root = `/${atom('feed')}`;
    for (const required of ['id', 'title', 'updated']) expect(xpath(feed, `count(${root}/${atom(required)})`), required).toBe('1');
    expect(xpath(feed, `count(${root}/${atom('author')}/${atom('name')})`)).toBe('1');
    const entries = Number(xpath(feed, `count(${root}/${atom('entry')})`));
    expect(entries).toBe(3);
    const entry = `${root}/${atom('entry')}`;
    for (const required of ['id', 'title', 'updated', 'summary']) expect(xpath(feed, `count(${entry}[count(${atom(required)}) = 1])`), required).toBe('3');
    expect(xpath(feed, `count(${entry}/${atom('link')}[@rel='alternate' and @type='application/cap+xml'])`)).toBe('3');
    const links = [...xpath(feed, `${entry}/${atom('link')}[@rel='alternate']/@href`).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const updated = [...xpath(feed, `${entry}/${atom('updated')}`).matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => Date.parse(m[1]!));
    expect(updated).toHaveLength(3);
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(xpath(feed, `string(${entry}[1]/${atom('title')})`)).toBe('Giông lốc');
    expect(xpath(feed, `string(${entry}[1]/${atom('id')})`)).toMatch(/^tag:loa@[a-z0-9.-]+\.gov\.vn,2026-12-01:[a-z0-9.-]+-20261201-005$/);

    const types = new Set<string>();
    for (const link of links) {
      expect(link.startsWith(`${base}/cap/`)).toBe(true);
      const doc = await fetch(link);
      expect(doc.status).toBe(200);
      expect(doc.headers.get('content-type')).toContain('application/cap+xml');
      const xml = await doc.text();
      const lint = xmllint(['--noout', '--schema', CAP_XSD, '-'], xml);
      expect(lint.status, lint.stderr).toBe(0);
      types.add(/<msgType>(\w+)<\/msgType>/.exec(xml)?.[1] ?? '');
      expect(xml).toMatch(/<polygon>[^<]+<\/polygon>/);
    }
    expect([...types].sort()).toEqual(['Alert', 'Cancel', 'Update']);
  });

  it('the XSD names what it refuses in Vietnamese, with the line', async () => {
    const xml = (await (await fetch(`${base}/cap/atom.xml`)).text()).match(/href="([^"]+\.xml)"/g)![1]!.slice(6, -1);
    const doc = await (await fetch(xml)).text();
    expect(await validateAgainstXsd(doc)).toEqual([]);
    const broken = doc.replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>');
    expect(await validateAgainstXsd(broken)).toEqual([expect.objectContaining({ field: 'urgency', message: expect.stringMatching(/^Không đúng lược đồ CAP 1\.2 \(dòng \d+\)/) })]);
  });
});
