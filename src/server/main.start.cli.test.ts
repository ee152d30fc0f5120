import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `loa start` on a free port without PUBLIC_URL: what it prints is where it is, and its links say so too. */
describe('loa start without PUBLIC_URL, on a port other than 3000', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loa-start-'));
  let child: ChildProcess | null = null;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the URL it listens on, and robots.txt links to it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'never', WORKER: 'false', LOG_LEVEL: 'info' };
    delete env.PUBLIC_URL;
    delete env.DATABASE_URL;
    const proc = spawn(process.execPath, ['bin/loa.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Loa đang chạy tại (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`loa start exited ${code}: ${out}`)));
    });
    expect(url).not.toBe('http://127.0.0.1:3000');
    expect(out).not.toContain('localhost:3000');
    const robots = await (await fetch(`${url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${url}/sitemap.xml`);
  });
});
