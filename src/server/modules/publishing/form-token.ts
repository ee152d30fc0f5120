import { createHmac, timingSafeEqual } from 'node:crypto';

/** A person needs at least this long to write a question; a bot posting at once is refused. */
export const MIN_FILL_MS = 3_000;
/** A form older than this must be reloaded. */
export const MAX_FORM_AGE_MS = 24 * 3_600_000;

function mac(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`question-form:${issuedAt}`).digest('base64url');
}

/** "<issuedAtMs>.<hmac>": the time the form was served, signed so it cannot be back-dated. */
export function signFormTime(secret: string, now: Date): string {
  const t = now.getTime();
  return `${t}.${mac(secret, t)}`;
}

export type FormTimeCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkFormTime(secret: string, token: string, now: Date): FormTimeCheck {
  const m = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m?.[1] || !m[2]) return 'invalid';
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(mac(secret, issuedAt));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
