// Client of sign-in (/api/auth): login, invitation, sign-out, password. The session's CSRF token is
// kept by the transport (api.ts); shapes are the shared contract (src/shared/contracts/users.ts).
import { configureApi, request, requestParsed } from '../../api.ts';
import { SessionOut, type Session } from '../../../shared/contracts/users.ts';

export async function login(username: string, password: string): Promise<Session> {
  const s = await requestParsed(SessionOut, 'POST', '/api/auth/login', { username, password }, { quiet401: true });
  configureApi({ csrfToken: s.csrfToken });
  return s;
}

/** Sets the password of an invited account (token from the e-mail link) and signs in. */
export async function acceptInvitation(token: string, password: string): Promise<Session> {
  const s = await requestParsed(SessionOut, 'POST', '/api/auth/accept-invitation', { token, password }, { quiet401: true });
  configureApi({ csrfToken: s.csrfToken });
  return s;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout', undefined, { quiet401: true });
  } finally {
    configureApi({ csrfToken: null });
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/api/auth/password', { currentPassword, newPassword });
}
