import { randomBytes, randomInt } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROLE_LABELS } from '../modules/access/index.ts';
import type { Actor, Role } from '../modules/access/index.ts';

/** One printed demo account; `demo-accounts.json` holds exactly these fields. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  unitName: string;
  unitCode: string;
}

/** A demo account with what to try first (printed, not written to the file) and its actor. */
export interface SeededAccount extends DemoAccount {
  tryFirst: string;
  actor: Actor;
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

export function demoPassword(): string {
  return `Loa-${randomBytes(6).toString('base64url')}-${randomInt(10, 100)}`;
}

/** The file a browser suite reads: an array of {username, password, role, unitName, unitCode}, mode 0600. */
export async function writeDemoAccountsFile(dataDir: string, accounts: readonly DemoAccount[]): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE);
  const rows = accounts.map(({ username, password, role, unitName, unitCode }) => ({ username, password, role, unitName, unitCode }));
  await writeFile(file, `${JSON.stringify(rows, null, 2)}\n`, { mode: 0o600 });
  // writeFile keeps the mode of an existing file: make sure it is private either way.
  await chmod(file, 0o600);
  return file;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The table printed once on first start: role, username, password, unit, what to try first. */
export function formatDemoAccounts(accounts: readonly (DemoAccount & { tryFirst?: string })[], file: string | null): string {
  const rows = accounts.map((a) => [ROLE_LABELS[a.role].vi, a.username, a.password, a.unitName, a.tryFirst ?? '']);
  const head = ['Vai trò', 'Tên đăng nhập', 'Mật khẩu', 'Đơn vị', 'Thử trước'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ')}\n`;
  let out = '\n  Tài khoản demo (mật khẩu chỉ hiển thị một lần):\n\n';
  out += line(head);
  out += line(widths.map((w) => '-'.repeat(w)));
  for (const r of rows) out += line(r);
  if (file) out += `\n  Danh sách cũng được ghi vào ${file} (chỉ chủ sở hữu đọc được).\n`;
  return `${out}\n`;
}
