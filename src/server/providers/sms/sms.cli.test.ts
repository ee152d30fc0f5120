// `loa sms segments` and `loa smsc` as subprocesses of bin/loa.mjs; the SMPP client talks to the real `loa smsc`
// process, which is killed with SIGKILL and started again on the same port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { createSmppProvider } from './smpp.ts';
import type { DeliveryReceipt } from './port.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

function loa(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['bin/loa.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('loa sms segments', () => {
  it('prints encoding, parts, characters and the text that would be sent', async () => {
    const r = await loa(['sms', 'segments', 'Thông báo: cắt điện từ 7 giờ – ngày 15/8']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ encoding: 'ucs2', parts: 1, characters: 40, text: 'Thông báo: cắt điện từ 7 giờ – ngày 15/8' });
  });

  it('with --unaccented sends the plain rendition and says what it saves', async () => {
    const text = 'UBND xã thông báo: từ 7 giờ ngày 15/8 cắt điện để sửa chữa đường dây, đề nghị bà con chủ động sắp xếp công việc.';
    const r = await loa(['sms', 'segments', text, '--unaccented']);
    expect(JSON.parse(r.out)).toEqual({
      encoding: 'gsm7',
      parts: 1,
      characters: 112,
      text: 'UBND xa thong bao: tu 7 gio ngay 15/8 cat dien de sua chua duong day, de nghi ba con chu dong sap xep cong viec.',
      savedParts: 1,
    });
  });

  it('fails with --max-parts when the text needs more parts', async () => {
    const r = await loa(['sms', 'segments', '{€}'.repeat(60), '--max-parts', '2']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ encoding: 'gsm7', parts: 3, characters: 180, overMaxParts: true });
    expect(r.err).toContain('vượt giới hạn 2 phần');
  });
});

function startSmsc(args: string[]): Promise<{ proc: ChildProcess; port: number; lines: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['bin/loa.mjs', 'smsc', '--host', '127.0.0.1', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Array<Record<string, unknown>> = [];
    let buf = '';
    proc.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = JSON.parse(buf.slice(0, i)) as Record<string, unknown>;
        buf = buf.slice(i + 1);
        lines.push(line);
        if (line.event === 'listening') resolve({ proc, port: Number(line.port), lines });
      }
    });
    proc.once('exit', (code) => reject(new Error(`loa smsc exited ${code}`)));
  });
}

describe('loa smsc', () => {
  const procs: ChildProcess[] = [];
  afterAll(() => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  });

  it('serves binds, receipts and counters; the client survives a SIGKILL and restart of the SMSC', async () => {
    const first = await startSmsc(['--port', '0', '--accounts', 'loa:secret', '--dlr-delay', '20']);
    procs.push(first.proc);
    const client = createSmppProvider({
      log: createLogger('silent'),
      accounts: [{ name: 'sim', host: '127.0.0.1', port: first.port, systemId: 'loa', password: 'secret', reconnectMinMs: 100, reconnectMaxMs: 300 }],
    });
    const receipts: DeliveryReceipt[] = [];
    client.on('receipt', (r) => receipts.push(r));
    try {
      await client.ready();
      const a = await client.submit({ to: '84912345678', from: 'UBND XA', text: 'Hop dan luc 19h', reference: '1' });
      expect(a.ok).toBe(true);
      for (let i = 0; i < 100 && !receipts.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(receipts).toMatchObject([{ messageId: a.ok ? a.messageId : '', state: 'delivered', to: '84912345678', from: 'UBND XA' }]);

      first.proc.kill('SIGKILL');
      await new Promise((r) => first.proc.once('exit', r));
      const second = await startSmsc(['--port', String(first.port), '--accounts', 'loa:secret', '--dlr-delay', '-1']);
      procs.push(second.proc);
      const b = await client.submit({ to: '84912345679', from: 'UBND XA', text: 'Sau khi SMSC khoi dong lai', reference: '2' });
      expect(b.ok).toBe(true);
      expect(client.stats().accounts[0]!.binds[0]!.binds).toBe(2);
      await client.close();
      second.proc.kill('SIGTERM');
      await new Promise((r) => second.proc.once('exit', r));
      const events = second.lines.map((l) => l.event);
      expect(events).toEqual(expect.arrayContaining(['listening', 'bind', 'unbind', 'stopped']));
      expect(second.lines.find((l) => l.event === 'stopped')).toMatchObject({ received: 1, answered: 1, accepted: 1, dropped: 0, perBind: { 'loa#1': 1 } });
    } finally {
      await client.close();
    }
  });

  it('refuses an unknown account', async () => {
    const s = await startSmsc(['--port', '0', '--accounts', 'loa:secret']);
    procs.push(s.proc);
    const client = createSmppProvider({
      log: createLogger('silent'),
      accounts: [{ name: 'x', host: '127.0.0.1', port: s.port, systemId: 'other', password: 'p', queueTimeoutMs: 500 }],
    });
    const r = await client.submit({ to: '84912345670', from: 'UBND XA', text: 'x', reference: '3' });
    await client.close();
    expect(r).toMatchObject({ ok: false, error: { kind: 'temporary', reason: 'timeout' } });
    s.proc.kill('SIGTERM');
    await new Promise((res) => s.proc.once('exit', res));
    expect(s.lines.find((l) => l.event === 'bind_refused')).toMatchObject({ systemId: 'other', status: 0x0f });
  });
});
