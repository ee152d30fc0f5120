/**
 * Shared set-up for the directive tests: an issuing office under Tam Đường with its drafter,
 * approver and clerk, a recipient group "all communes of Tam Đường", and commune users.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON responses are checked by the tests that read them. */
import { expect } from 'vitest';
import type { Container } from '../../src/server/container.ts';
import type { Api } from '../../src/server/http/types.ts';
import { SYSTEM_ACTOR } from '../../src/server/modules/access/index.ts';
import { TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, buildUnit } from '../factories.ts';
import type { Session } from '../factories.ts';

export interface Actors {
  office: { id: string; name: string };
  group: { id: string };
  drafter: Session;
  approver: Session & { userId: string };
  clerk: Session;
  /** Clerk of Thị trấn Tam Đường (a commune of the group). */
  communeClerk: Session;
  /** Clerk of another commune of Tam Đường (also a recipient). */
  otherCommuneClerk: Session;
  otherCommuneId: string;
  /** Clerk of Thị trấn Mường Tè (another district: never a recipient). */
  outsiderClerk: Session;
}

export async function buildActors(c: Container): Promise<Actors> {
  const office = await buildUnit(c, { name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', kind: 'office' });
  const group = await c.services.groups.createGroup(SYSTEM_ACTOR, {
    ownerUnitId: office.id,
    name: 'UBND các xã, thị trấn',
    rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG },
  });
  const communes = await c.services.units.listChildren(SYSTEM_ACTOR, TAM_DUONG, '2021-02-03');
  const other = communes.find((u) => u.id !== TT_TAM_DUONG);
  if (!other) throw new Error('Tam Đường has one commune only?');
  const drafter = await buildSignedInUser(c, { unitId: office.id, roles: ['drafter'] });
  const approver = await buildSignedInUser(c, { unitId: office.id, roles: ['approver'] });
  const clerk = await buildSignedInUser(c, { unitId: office.id, roles: ['clerk'] });
  const communeClerk = await buildSignedInUser(c, { unitId: TT_TAM_DUONG, roles: ['clerk'] });
  const otherCommuneClerk = await buildSignedInUser(c, { unitId: other.id, roles: ['clerk'] });
  const outsiderClerk = await buildSignedInUser(c, { unitId: TT_MUONG_TE, roles: ['clerk', 'drafter', 'approver'] });
  return {
    office,
    group,
    drafter: drafter.session,
    approver: { ...approver.session, userId: approver.user.id },
    clerk: clerk.session,
    communeClerk: communeClerk.session,
    otherCommuneClerk: otherCommuneClerk.session,
    otherCommuneId: other.id,
    outsiderClerk: outsiderClerk.session,
  };
}

/** A công văn like seed 003 (Phòng VH-TT Tam Đường to the communes), with overrides. */
export function draftBody(x: Actors, over: Record<string, unknown> = {}) {
  return {
    issuerUnitId: x.office.id,
    issuerParent: 'UBND HUYỆN TAM ĐƯỜNG',
    issuer: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
    docType: 'CV',
    symbol: 'VHTT-TT&TT',
    place: 'Tam Đường',
    subject: 'Tăng cường công tác vận động, tuyên truyền các thông tin chính thống về phòng chống dịch Covid-19 trên mạng xã hội',
    citations: [{ type: 'Thông báo', number: 897, symbol: 'TB-UBND', date: '2020-08-05' }],
    body: {
      opening: [{ kind: 'paragraph', runs: [{ text: 'Căn cứ Thông báo số 897/TB-UBND ngày 05/8/2020 của UBND huyện Tam Đường.' }] }],
      sections: [
        {
          number: '1',
          addressees: ['UBND các xã, thị trấn'],
          blocks: [
            {
              kind: 'paragraph',
              runs: [
                { text: 'Đẩy mạnh tuyên truyền đến từng cán bộ, công chức, viên chức và quần chúng Nhân dân. ' },
                { text: 'Mọi thông tin của người cung cấp thông tin được đảm bảo bảo mật tuyệt đối.', bold: true },
              ],
            },
            { kind: 'bullets', items: [[{ text: 'Theo dõi trang, thích trang', italic: true }], [{ text: 'Chia sẻ thông tin chính thống' }]] },
          ],
        },
      ],
      closing: [{ kind: 'paragraph', runs: [{ text: 'Đề nghị các đơn vị triển khai thực hiện./.' }] }],
    },
    addressees: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
    recipients: { units: [], groups: [x.group.id] },
    cc: [{ name: 'Sở Thông tin và Truyền thông', purpose: 'de_bao_cao' }],
    archive: ['VT'],
    signer: { position: 'TRƯỞNG PHÒNG', name: 'Đỗ Trọng Thi', userId: x.approver.userId },
    ...over,
  };
}

type Json = Record<string, any>;

export function client(app: Api) {
  return async function call(s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: Json }> {
    const res = await app.inject({ method, url, headers: s?.headers ?? {}, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    return { status: res.statusCode, body: res.body ? res.json<Json>() : {} };
  };
}

/** Creates a draft and takes it to "signed" through the API. */
export async function signedDirective(app: Api, x: Actors, over: Record<string, unknown> = {}): Promise<string> {
  const call = client(app);
  const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x, over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String((created.body.directive as { id: string }).id);
  for (const [s, step] of [
    [x.drafter, 'submit'],
    [x.approver, 'approve'],
    [x.approver, 'sign'],
  ] as const) {
    const r = await call(s, 'POST', `/api/directives/${id}/${step}`);
    expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return id;
}
