import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from './client.ts';
import { DataDirLockedError, lockDataDir } from './lock.ts';

/** A PID that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('could not spawn');
  return child.pid;
}

describe('data directory lock (PGlite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'loa-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second open of the same directory while the first keeps answering', async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      expect(readFileSync(path.join(dir, 'loa.lock'), 'utf8')).toBe(String(process.pid));
      const err = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(dir);
      expect((err as Error).message).toContain(`PID ${process.pid}`);
      expect((err as Error).message).toMatch(/DATA_DIR/);
      expect((err as Error).message).toMatch(/đang được một tiến trình Loa khác sử dụng/);
      // The refused open left the first one's lock and database alone.
      expect(readFileSync(path.join(dir, 'loa.lock'), 'utf8')).toBe(String(process.pid));
      const res = await first.db.execute(sql`SELECT 41 + 1 AS n`);
      expect(rowsOf<{ n: number }>(res)[0]?.n).toBe(42);
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(dir, 'loa.lock'))).toBe(false);
    // Once closed, the directory can be opened again.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('a second Loa process on the same DATA_DIR exits non-zero with a clear message; the first keeps working', async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      const bin = path.resolve(import.meta.dirname, '../../../bin/loa.mjs');
      const second = spawnSync(process.execPath, [bin, 'migrate'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/đang được một tiến trình Loa khác sử dụng \(PID \d+\)/);
      expect(second.stderr).not.toMatch(/\bat .*\.ts:\d+/); // a message, not a stack trace
      const res = await first.db.execute(sql`SELECT 1 AS n`);
      expect(rowsOf<{ n: number }>(res)[0]?.n).toBe(1);
    } finally {
      await first.close();
    }
  });

  it('refuses a directory locked by another live process', async () => {
    writeFileSync(path.join(dir, 'loa.lock'), String(process.ppid));
    try {
      const err = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as DataDirLockedError).pid).toBe(process.ppid);
      expect(readFileSync(path.join(dir, 'loa.lock'), 'utf8')).toBe(String(process.ppid));
    } finally {
      rmSync(path.join(dir, 'loa.lock'), { force: true });
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const pid = deadPid();
    writeFileSync(path.join(dir, 'loa.lock'), String(pid));
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(readFileSync(path.join(dir, 'loa.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      await db.close();
    }
  });

  it('takes over a lock file with our own PID that this process does not hold (PID reuse after a crash)', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loa-lock-'));
    try {
      writeFileSync(path.join(d, 'loa.lock'), String(process.pid));
      const release = lockDataDir(d);
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
      release();
      expect(existsSync(path.join(d, 'loa.lock'))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('lockDataDir: a live foreign holder blocks, release frees', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loa-lock-'));
    try {
      writeFileSync(path.join(d, 'loa.lock'), String(process.ppid));
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
      rmSync(path.join(d, 'loa.lock'));
      const release = lockDataDir(d);
      expect(existsSync(path.join(d, 'loa.lock'))).toBe(true);
      release();
      expect(existsSync(path.join(d, 'loa.lock'))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
