import { randomUUID } from 'node:crypto';
import type { Container } from '../src/server/container.ts';
import { SYSTEM_ACTOR } from '../src/server/modules/access/index.ts';
import type { Role } from '../src/server/modules/access/index.ts';
import { unitIdFor } from '../src/server/modules/units/index.ts';
import type { UnitKind } from '../src/server/modules/units/index.ts';
import type { Api } from '../src/server/http/types.ts';

export const PASSWORD = 'mat-khau-Thu-nghiem-2021';

/** GSO ids in the 2025 list used across tests (Lai Châu province and its Tam Đường district). */
export const LAI_CHAU = unitIdFor('vn-2025', '12');
export const TAM_DUONG = unitIdFor('vn-2025', '106');

/** Imports Lai Châu (2025 list) only: enough tree for most tests, in well under a second. */
export async function importLaiChau(c: Container): Promise<void> {
  await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
}

/** Builds an organisation under a unit (parent defaults to Tam Đường). */
export async function buildUnit(c: Container, o: { parentId?: string; name?: string; kind?: UnitKind } = {}) {
  return c.services.units.createOrganisation(SYSTEM_ACTOR, {
    parentId: o.parentId ?? TAM_DUONG,
    name: o.name ?? `Đơn vị ${randomUUID().slice(0, 6)}`,
    kind: o.kind ?? 'office',
  });
}

/** Builds a user with a known password in a unit (default: a new office under Tam Đường). */
export async function buildUser(c: Container, o: { unitId?: string; roles?: Role[]; username?: string; email?: string | null } = {}) {
  const unitId = o.unitId ?? (await buildUnit(c)).id;
  return c.services.users.createUser(SYSTEM_ACTOR, {
    username: o.username ?? `u${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    displayName: 'Người dùng thử nghiệm',
    email: o.email ?? null,
    unitId,
    roles: o.roles ?? ['viewer'],
    password: PASSWORD,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs in through the API and returns headers for further requests. */
export async function login(app: Api, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((k) => k.name === 'loa_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: `loa_session=${cookie.value}`, csrf, headers: { cookie: `loa_session=${cookie.value}`, 'x-csrf-token': csrf } };
}

/** GSO ids of other Lai Châu districts (2025 list): a second district for cross-scope tests. */
export const MUONG_TE = unitIdFor('vn-2025', '107');
/** A commune of Tam Đường (Thị trấn Tam Đường) and one of Mường Tè (Thị trấn Mường Tè). */
export const TT_TAM_DUONG = unitIdFor('vn-2025', '03390');
export const TT_MUONG_TE = unitIdFor('vn-2025', '03433');

/**
 * Signs in through the service (not the HTTP route), so tests that need many sessions do not hit
 * the login rate limit. The headers work with app.inject exactly like those of `login`.
 */
export async function signIn(c: Container, username: string, password = PASSWORD): Promise<Session> {
  const { token, session } = await c.services.users.login({ username, password }, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { cookie: `loa_session=${token}`, csrf: session.csrfToken, headers: { cookie: `loa_session=${token}`, 'x-csrf-token': session.csrfToken } };
}

/** Builds a user and signs them in through the service. */
export async function buildSignedInUser(c: Container, o: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(c, o);
  return { user, session: await signIn(c, user.username) };
}
