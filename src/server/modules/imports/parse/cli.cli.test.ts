import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../../../../../test/builders/import-bombs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'loa-parse-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loa parse: the upload limits and sandbox from the command line', () => {
  it('parses a seed in the sandbox worker under bin/loa.mjs and refuses a zip bomb with the Vietnamese reason', async () => {
    const bomb = path.join(dir, 'bom.docx');
    await writeFile(bomb, await docx(24 * 1024 * 1024));
    const run = await promisify(execFile)(process.execPath, [path.join(root, 'bin/loa.mjs'), 'parse', path.join(root, 'assets/seeds/002.txt'), bomb], { cwd: root }).then(
      () => {
        throw new Error('expected exit code 1');
      },
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Số, ký hiệu: …/VHTT');
    expect(run.stderr).toMatch(/Lỗi \(.*bom\.docx\): Tệp giải nén vượt quá giới hạn cho phép: phần "word\/document\.xml" của tệp DOCX lớn hơn 10 MB/u);
  }, 120_000);
});
