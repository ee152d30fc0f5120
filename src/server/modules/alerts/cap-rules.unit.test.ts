import { describe, expect, it } from 'vitest';
import { phaseOf, senderOf } from './alerts.present.ts';
import { renderAtom } from './atom.ts';
import { capPolygonOf, communePolygons, simplifyRing } from './cap-geo.ts';
import { checkCapRules, checkPolygon } from './cap-rules.ts';
import { capDateTime, renderCap } from './cap-xml.ts';
import type { CapMessage } from './cap-xml.ts';

const SQUARE = '22.1,103.1 22.1,103.2 22.2,103.2 22.2,103.1 22.1,103.1';

const message = (over: Partial<CapMessage> = {}, info: Partial<CapMessage['infos'][number]> = {}): CapMessage => ({
  identifier: 'svhttdl-12.gov.vn-20261201-001',
  sender: 'loa@svhttdl-12.gov.vn',
  sent: '2026-12-01T09:00:00+07:00',
  status: 'Exercise',
  msgType: 'Alert',
  scope: 'Public',
  note: null,
  references: null,
  infos: [
    {
      language: 'vi-VN',
      categories: ['Met'],
      event: 'Lũ quét',
      urgency: 'Expected',
      severity: 'Severe',
      certainty: 'Likely',
      effective: null,
      onset: null,
      expires: '2026-12-02T09:00:00+07:00',
      senderName: 'Sở VHTTDL',
      headline: 'Cảnh báo',
      description: 'Mưa lớn.',
      instruction: null,
      web: 'http://loa.test/',
      contact: null,
      areas: [{ areaDesc: 'Xã Bình Lư', polygons: [SQUARE], geocodes: [{ valueName: 'GSO', value: '03390' }] }],
      ...info,
    },
  ],
  ...over,
});
const fields = (m: CapMessage) => checkCapRules(m).map((p) => p.field);

describe('CAP rules beyond the XSD', () => {
  it('a well-formed message passes', () => {
    expect(checkCapRules(message())).toEqual([]);
  });

  it('dateTimes need a numeric offset: "Z" and missing offsets are refused, naming the field', () => {
    const z = checkCapRules(message({ sent: '2026-12-01T02:00:00Z' }));
    expect(z).toEqual([expect.objectContaining({ field: 'sent', message: expect.stringContaining('không dùng "Z"') })]);
    expect(fields(message({}, { expires: '2026-12-02T09:00:00' }))).toEqual(['info[0].expires']);
    expect(fields(message({}, { onset: '2026-12-01T09:00:00.123+07:00' }))).toEqual(['info[0].onset']);
    expect(capDateTime(new Date('2026-12-01T17:30:05.900Z'))).toBe('2026-12-02T00:30:05+07:00');
  });

  it('identifier and sender: no spaces, commas, "<" or "&"', () => {
    for (const bad of ['a b', 'a,b', 'a<b', 'a&b', '']) {
      expect(fields(message({ identifier: bad }))).toEqual(['identifier']);
      expect(fields(message({ sender: bad }))).toEqual(['sender']);
    }
    expect(senderOf({ id: 'x', code: 'SVHTTDL-12', edition: null })).toBe('loa@svhttdl-12.gov.vn');
    expect(senderOf({ id: '0123456789', code: 'Sở Y tế, Lai Châu', edition: null })).toBe('loa@so-y-te-lai-chau.gov.vn');
    expect(senderOf({ id: '0123456789abc', code: null, edition: null })).toBe('loa@u-01234567.gov.vn');
  });

  it('references: required on Update and Cancel, refused on Alert, each a valid "sender,identifier,sent"', () => {
    expect(fields(message({ msgType: 'Update' }))).toEqual(['references']);
    expect(fields(message({ msgType: 'Cancel' }))).toEqual(['references']);
    expect(fields(message({ references: 'loa@x.gov.vn,x-1,2026-12-01T09:00:00+07:00' }))).toEqual(['references']);
    expect(checkCapRules(message({ msgType: 'Update', references: 'loa@x.gov.vn,x-1,2026-12-01T09:00:00+07:00 loa@x.gov.vn,x-2,2026-12-01T10:00:00+07:00' }))).toEqual([]);
    expect(fields(message({ msgType: 'Cancel', references: 'loa@x.gov.vn,x-1' }))).toEqual(['references']);
    expect(fields(message({ msgType: 'Cancel', references: 'loa@x.gov.vn,x-1,2026-12-01T02:00:00Z' }))).toEqual(['references']);
  });

  it('polygons: closed, at least 4 pairs, "lat,lon" in range', () => {
    expect(checkPolygon('p', '22.1,103.1 22.1,103.2 22.2,103.2 22.2,103.1')[0]?.message).toContain('khép kín');
    expect(checkPolygon('p', '22.1,103.1 22.1,103.2 22.1,103.1')[0]?.message).toContain('ít nhất 4');
    expect(checkPolygon('p', '22.1,103.1 22.1,193.2 22.2,103.2 22.1,103.1')[0]?.message).toContain('không phải');
    expect(checkPolygon('p', '22.1;103.1 22.1,103.2 22.2,103.2 22.1;103.1')).toHaveLength(1);
    const open = message({}, { areas: [{ areaDesc: 'X', polygons: ['22.1,103.1 22.1,103.2 22.2,103.2 22.2,103.1'], geocodes: [] }] });
    expect(fields(open)).toEqual(['info[0].area[0].polygon[0]']);
  });

  it('expires after sent; description and an area present', () => {
    expect(fields(message({}, { expires: '2026-12-01T09:00:00+07:00' }))).toEqual(['info[0].expires']);
    expect(fields(message({}, { areas: [] }))).toEqual(['info[0].area']);
    expect(fields(message({}, { description: ' ' }))).toEqual(['info[0].description']);
  });
});

describe('CAP rendering, polygons, feed', () => {
  it('escapes text and leaves out empty optional elements', () => {
    const xml = renderCap(message({}, { headline: 'Lũ & sạt lở <nguy hiểm>' }));
    expect(xml).toContain('<headline>Lũ &amp; sạt lở &lt;nguy hiểm&gt;</headline>');
    expect(xml).not.toContain('<instruction>');
    expect(xml).not.toContain('<references>');
  });

  it('a commune boundary becomes closed "lat,lon" polygons of at most 200 points', () => {
    const [p] = communePolygons('03390');
    const pairs = p!.split(' ');
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(pairs.length).toBeLessThanOrEqual(200);
    expect(pairs[0]).toBe(pairs.at(-1));
    expect(pairs[0]).toMatch(/^22\.\d+,103\.\d+$/); // Lai Châu: latitude 22, longitude 103
    expect(checkPolygon('p', p!)).toEqual([]);
    const circle = Array.from({ length: 1000 }, (_, i) => [103 + Math.cos(i / 159) * 0.1, 22 + Math.sin(i / 159) * 0.1] as const);
    const s = simplifyRing(circle)!;
    expect(s.length).toBeLessThanOrEqual(200);
    expect(checkPolygon('p', capPolygonOf(s))).toEqual([]);
    expect(communePolygons('99999')).toEqual([]);
  });

  it('an alert is active until it expires, updated or cancelled when a later message follows', () => {
    const now = new Date('2026-12-01T02:00:00Z');
    const a = { state: 'published' as const, expires: new Date('2026-12-02T02:00:00Z') };
    expect(phaseOf(a, undefined, now)).toBe('active');
    expect(phaseOf(a, 'Update', now)).toBe('updated');
    expect(phaseOf(a, 'Cancel', now)).toBe('cancelled');
    expect(phaseOf(a, undefined, new Date('2026-12-02T02:00:00Z'))).toBe('expired');
    expect(phaseOf({ ...a, state: 'draft' }, undefined, now)).toBe('draft');
  });

  it('the feed stays under its byte budget', () => {
    const entry = {
      id: 'tag:loa@x.gov.vn,2026-12-01:x',
      identifier: 'x',
      headline: 'h',
      sent: '2026-12-01T09:00:00+07:00',
      senderName: 's',
      summary: 'x'.repeat(500),
      href: 'http://loa.test/cap/x.xml',
    };
    const xml = renderAtom({ self: 'http://loa.test/cap/atom.xml', title: 't', author: 'Loa', now: entry.sent, entries: Array.from({ length: 5000 }, () => entry) });
    expect(Buffer.byteLength(xml)).toBeLessThan(1_000_000);
    expect(xml.endsWith('</feed>\n')).toBe(true);
  });
});
