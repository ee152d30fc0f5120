/**
 * The files that make a Mosquitto 2 broker enforce Loa's device registry (docs/devices.md): a password
 * file (one `user:$7$…` line per live device token, Mosquitto's own PBKDF2-SHA512 format, plus Loa's
 * service account) and an ACL file whose `pattern` lines give each device its own topics only. Loa
 * rewrites both (atomically) whenever a token is made, rotated or revoked; Mosquitto reads them again on
 * SIGHUP (`systemctl reload mosquitto`) and then drops the sessions of tokens no longer there.
 */
import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface MosquittoUser {
  username: string;
  /** A `$7$iterations$salt$hash` line (see modules/devices/device-token.ts). */
  hash: string;
}

/** Mosquitto's password hash of a plaintext password (what `mosquitto_passwd` writes). */
export function mosquittoHash(password: string, salt: Buffer = randomBytes(12), iterations = 101): string {
  return `$7$${iterations}$${salt.toString('base64')}$${pbkdf2Sync(password, salt, iterations, 64, 'sha512').toString('base64')}`;
}

const SAFE_USERNAME = /^[A-Za-z0-9._-]{1,100}$/;

export function mosquittoPasswordFile(service: MosquittoUser, devices: readonly MosquittoUser[]): string {
  const lines = [service, ...devices].filter((u) => SAFE_USERNAME.test(u.username)).map((u) => `${u.username}:${u.hash}`);
  return `${lines.join('\n')}\n`;
}

export function mosquittoAclFile(serviceUsername: string): string {
  return [
    '# Written by Loa (docs/devices.md): do not edit, it is rewritten on every token change.',
    '# Loa itself: every topic of the protocol.',
    `user ${serviceUsername}`,
    'topic readwrite loa/#',
    '',
    '# Every device (username = its id): its commands, its state and its log; nothing else.',
    'pattern read loa/v1/%u/cmd',
    'pattern write loa/v1/%u/state',
    'pattern write loa/v1/%u/log',
    '',
  ].join('\n');
}

/** A minimal mosquitto.conf for one listener using the two files (the test's, and a starting point). */
export function mosquittoConfig(opts: { host: string; port: number; dir: string; user?: string }): string {
  return [
    // Started as root, Mosquitto drops to this user (default `mosquitto`), who must be able to read the files.
    ...(opts.user ? [`user ${opts.user}`] : []),
    `listener ${opts.port} ${opts.host}`,
    'allow_anonymous false',
    `password_file ${path.join(opts.dir, 'passwd')}`,
    `acl_file ${path.join(opts.dir, 'acl')}`,
    'persistence false',
    '',
  ].join('\n');
}

/** Writes DIR/passwd and DIR/acl, each through a temporary file and a rename (Mosquitto never reads half a file). */
export async function writeMosquittoAuthFiles(dir: string, files: { passwd: string; acl: string }): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const tmp = path.join(dir, `.${name}.${randomUUID()}.tmp`);
    await writeFile(tmp, text, { mode: 0o640 });
    await rename(tmp, path.join(dir, name));
  }
}
