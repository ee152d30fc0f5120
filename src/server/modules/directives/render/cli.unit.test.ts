import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRenderCommand } from './cli.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', '002.json');

describe('runRenderCommand', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'loa-render-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
    return {
      out,
      err,
      restore: () => {
        o.mockRestore();
        e.mockRestore();
      },
    };
  }

  it('writes the PDF and the DOCX', async () => {
    const pdf = path.join(dir, 'out.pdf');
    const docx = path.join(dir, 'out.docx');
    const io = capture();
    const code = await runRenderCommand(FIXTURE, { pdf, docx }).finally(io.restore);
    expect(code).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readFile(docx)).subarray(0, 2).toString()).toBe('PK');
    expect(io.out.join('')).toContain('Đã ghi');
  });

  it('accepts a minimal document and fills the rest with defaults', async () => {
    const file = path.join(dir, 'min.json');
    await writeFile(file, JSON.stringify({ issuer: 'Sở Thông tin và Truyền thông', body: ['Nội dung.'], number: 5 }));
    const io = capture();
    expect(await runRenderCommand(file, { pdf: path.join(dir, 'min.pdf') }).finally(io.restore)).toBe(0);
  });

  it('asks for an output, and rejects unreadable or invalid input in Vietnamese', async () => {
    let io = capture();
    expect(await runRenderCommand(FIXTURE, {}).finally(io.restore)).toBe(2);
    expect(io.err.join('')).toContain('--pdf');

    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ không phải JSON');
    io = capture();
    expect(await runRenderCommand(bad, { pdf: path.join(dir, 'x.pdf') }).finally(io.restore)).toBe(1);
    expect(io.err.join('')).toContain('không đọc được');

    const wrong = path.join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ date: '05/02/2020', recipients: 'Bộ Nội vụ' }));
    io = capture();
    expect(await runRenderCommand(wrong, { pdf: path.join(dir, 'y.pdf') }).finally(io.restore)).toBe(1);
    expect(io.err.join('')).toMatch(/date: ngày phải có dạng.*recipients/);
  });
});
