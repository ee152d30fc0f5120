/**
 * Device access tokens: 32 random bytes, shown once. Loa keeps two hashes of each: HMAC-SHA-256 (fast,
 * checked on every MQTT connect and HTTP request; a 256-bit random token needs no slow hash, the key
 * separates this use of SHA-256 from any other) and Mosquitto's own PBKDF2-SHA512 line (`$7$101$salt$hash`)
 * for the password file Loa writes when an external Mosquitto is the broker.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mosquittoHash } from '../../providers/mqtt/mosquitto-files.ts';

const PREFIX = 'loa_dev_';
const KEY = 'loa/device-token/v1';

export function generateDeviceToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form: hex HMAC-SHA-256. */
export function deviceTokenHash(token: string): string {
  return createHmac('sha256', KEY).update(token, 'utf8').digest('hex');
}

/** A token's shape (before any database look-up). */
export function looksLikeDeviceToken(token: string): boolean {
  return token.startsWith(PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(PREFIX.length));
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Mosquitto 2's password-file hash of the token (what `mosquitto_passwd` writes). */
export function mosquittoPasswordHash(token: string): string {
  return mosquittoHash(token);
}
