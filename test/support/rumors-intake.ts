// What the desk's intake tests share: the desk (a Sở of Lai Châu with its desk lead and staff), another unit's
// desk, a photo carrying a GPS EXIF block, multipart bodies, and the public form's round trip (GET → wait → POST).
import { expect } from 'vitest';
import type { Role } from '../../src/server/modules/access/index.ts';
import { SYSTEM_ACTOR } from '../../src/server/modules/access/index.ts';
import { unitIdFor } from '../../src/server/modules/units/index.ts';

export const LAI_CHAU_2026 = unitIdFor('vn-2026', '12');
import { buildSignedInUser, buildUnit } from '../factories.ts';
import type { Session } from '../factories.ts';
import type { TestContext } from './harness.ts';

export const BOUNDARY = '----loa-rumor-test';

/** The test informant: whatever of them reaches a response, a log line, the audit trail or the database is a leak. */
export const INFORMANT = {
  name: 'Lò Thị Bảo Mật',
  phone: '0912 345 678',
  phoneNormalised: '0912345678',
  email: 'Nguoi.Bao.Tin@example.vn',
  emailNormalised: 'nguoi.bao.tin@example.vn',
  socialId: 'fb:1000123456789',
  ip: '203.0.113.77',
  userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-A556E-informant-ua)',
  fileName: 'anh-cua-lo-thi-bao-mat.jpg',
} as const;

/** Strings whose presence anywhere means the identity leaked. */
export const IDENTITY_NEEDLES = [
  INFORMANT.name,
  INFORMANT.phoneNormalised,
  '912345678',
  INFORMANT.emailNormalised,
  'Nguoi.Bao.Tin',
  '1000123456789',
  INFORMANT.ip,
  'informant-ua',
  'anh-cua-lo-thi',
];

export function findNeedles(text: string): string[] {
  const lower = text.toLowerCase();
  return IDENTITY_NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

export const GPS_MARK = 'GPS 22.396N 103.458E';

/** A 1×1 JPEG with an EXIF APP1 carrying a GPS text and a camera make. */
export function jpegWithGps(): Buffer {
  const jpeg = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
  const app0End = 4 + jpeg.readUInt16BE(4);
  const payload = Buffer.concat([Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0', 'latin1'), Buffer.from(`Make: TestCam; ${GPS_MARK}`, 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, app0End), app1, jpeg.subarray(app0End), Buffer.from([0xff, 0xd9])]);
}

export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

export interface Desk {
  soId: string;
  otherSoId: string;
  s: Record<'lead' | 'drafter' | 'approver' | 'viewer' | 'otherLead' | 'otherDrafter' | 'admin', Session>;
}

/** The receiving desk (Sở VHTTDL: its desk lead is the oldest, so it receives the portal's reports) and another Sở's. */
export async function buildDesks(t: TestContext): Promise<Desk> {
  await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
  const so = await buildUnit(t.c, { parentId: LAI_CHAU_2026, kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu' });
  const other = await buildUnit(t.c, { parentId: LAI_CHAU_2026, kind: 'department', name: 'Sở Y tế tỉnh Lai Châu' });
  const make = async (roles: Role[], unitId: string) => (await buildSignedInUser(t.c, { unitId, roles })).session;
  const lead = await make(['desk_lead'], so.id);
  return {
    soId: so.id,
    otherSoId: other.id,
    s: {
      lead,
      drafter: await make(['drafter'], so.id),
      approver: await make(['approver'], so.id),
      viewer: await make(['viewer'], so.id),
      otherLead: await make(['desk_lead'], other.id),
      otherDrafter: await make(['drafter'], other.id),
      admin: await make(['unit_admin'], so.id),
    },
  };
}

/** The public form's signed time (served now; the caller moves the clock before posting). */
export async function formToken(t: TestContext): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/phan-anh-tin-sai' });
  expect(res.statusCode).toBe(200);
  const m = /name="t" value="([^"]+)"/.exec(res.body);
  expect(m).not.toBeNull();
  return m![1]!;
}

let nextIp = 10;

/** GET the form, wait 5 s, POST it (from a fresh address unless `ip`: the form is rate-limited per address). */
export async function submitPortal(t: TestContext, fields: Record<string, string>, file?: { name: string; content: Buffer }, o: { waitMs?: number; ip?: string } = {}) {
  const token = await formToken(t);
  t.clock.set(new Date(t.clock.now().getTime() + (o.waitMs ?? 5_000)));
  const body = multipart({ t: token, consent: 'yes', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/phan-anh-tin-sai',
    headers: { ...body.headers, 'user-agent': INFORMANT.userAgent },
    remoteAddress: o.ip ?? `198.51.100.${nextIp++ % 250}`,
    payload: body.payload,
  });
}

/** The reference code of a successful submission (from its redirect). */
export function codeOf(res: { statusCode: number; headers: Record<string, unknown>; body: string }): string {
  expect(res.statusCode, res.body).toBe(303);
  const m = /\/phan-anh-tin-sai\/da-nhan\/(PA-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(String(res.headers.location));
  expect(m).not.toBeNull();
  return m![1]!;
}
