import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryMailer } from '../../../../test/support/harness.ts';
import { snapshotInstance } from '../../../../test/support/backup.ts';
import { TAM_DUONG } from '../../../../test/factories.ts';
import { openDatabase } from '../../db/client.ts';
import { createContainer } from '../../container.ts';
import { systemClock } from '../../platform/clock.ts';
import { createLogger } from '../../platform/logger.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Settings of the commands; the server logs at info, where it says the address it listens on. */
function baseEnv(dataDir: string, logLevel = 'warn'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'never', WORKER: 'false', LOG_LEVEL: logLevel };
  delete env.DATABASE_URL;
  return env;
}

function loa(args: string[], dataDir: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['bin/loa.mjs', ...args], { cwd: ROOT, env: baseEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** The commands end to end on PGlite data directories: an online backup from a running server, a restore, a refusal. */
describe('loa backup / loa restore (PGlite data directory)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'loa-bk-'));
  const source = path.join(work, 's');
  const target = path.join(work, 't');
  const file = path.join(work, 'b.tar.gz');
  let server: ChildProcess | null = null;
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up while the server runs (over DATA_DIR/loa.sock), restores into a new data directory, and refuses a second restore there', async () => {
    // Data, including a stored file, written by an instance on the source directory.
    const database = await openDatabase({ dataDir: source });
    await database.migrate();
    const c = createContainer({
      database,
      clock: systemClock,
      logger: createLogger('silent'),
      mailer: memoryMailer(),
      env: { PUBLIC_URL: 'http://loa.test', SESSION_TTL_HOURS: 12, DATA_DIR: source },
    });
    await c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2025', { provinceCodes: ['12'] });
    const office = await c.services.units.createOrganisation(SYSTEM_ACTOR, { parentId: TAM_DUONG, name: 'Đài Truyền thanh Tam Đường', kind: 'office' });
    const section = await c.services.publishing.createSection(SYSTEM_ACTOR, { slug: 'tin-tuc', name: 'Tin tức', ownerUnitId: office.id, position: 1 });
    await c.services.publishing.uploadMedia(SYSTEM_ACTOR, {
      title: 'Tờ rơi',
      sectionId: section.id,
      fileName: 'to-roi.pdf',
      content: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5000)]),
    });
    await database.close();

    const proc = spawn(process.execPath, ['bin/loa.mjs', 'start'], { cwd: ROOT, env: baseEnv(source, 'info'), stdio: ['ignore', 'pipe', 'pipe'] });
    server = proc;
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const m = /Loa đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
        if (m?.[1]) resolve(m[1]);
      });
      proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`loa start exited ${code}: ${log}`)));
    });
    expect(existsSync(path.join(source, 'loa.sock'))).toBe(true);

    const backup = await loa(['backup', file], source);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/^Đã sao lưu vào .*: \d+ bảng, \d+ dòng, 1 tệp, \d+ migration/);
    expect(proc.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exists = await loa(['backup', file], source);
    expect(exists.code).toBe(1);
    expect(exists.err).toContain('đã tồn tại');

    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;

    const restore = await loa(['restore', file], target);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`Đã khôi phục ${file} vào ${target}`);
    const again = await loa(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Không thể khôi phục: thư mục dữ liệu đã có dữ liệu/);

    const a = await openDatabase({ dataDir: source });
    const b = await openDatabase({ dataDir: target });
    try {
      const before = await snapshotInstance(a, path.join(source, 'files'));
      expect(Object.keys(before.files)).toHaveLength(1);
      expect(await snapshotInstance(b, path.join(target, 'files'))).toEqual(before);
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);
});
