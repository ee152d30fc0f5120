import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const run = promisify(execFile);

describe('loa devices simulate', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loa-simulate-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const loa = (...args: string[]) =>
    run(process.execPath, ['bin/loa.mjs', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, timeout: 60_000 });

  it('registers the missing devices of a commune, runs them on its own embedded broker, and stops after --for', async () => {
    await loa('units', 'import', '--edition', 'vn-2026');
    const { stdout } = await loa('devices', 'simulate', '--unit', '03390', '--count', '3', '--for', '1', '--heartbeat', '1');
    expect(stdout).toMatch(/^3 thiết bị mô phỏng đang chạy qua MQTT mqtt:\/\/127\.0\.0\.1:\d+ \(broker nhúng của lệnh này\)/);
    expect(stdout).toContain('Đã dừng 3 thiết bị (3 đang trực tuyến lúc dừng).');
  }, 90_000);
});
