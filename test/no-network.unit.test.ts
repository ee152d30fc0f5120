// The network guard (test/support/no-network.ts, a setup file of every test process): outbound connections to
// anything but loopback fail with its error; loopback and unix sockets work. 192.0.2.1 is TEST-NET-1 (RFC 5737).
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { connect as namedConnect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';

// Not imported statically: the first test proves the setup file installed the guard on its own.
const NETWORK_GUARD_CODE = 'ERR_TEST_NETWORK_GUARD';
const GUARD = /Network guard \(test\/support\/no-network\.ts\)/;

/** A server that writes "hi" to whoever connects, on a TCP port of `host` or a unix socket path. */
async function helloServer(listen: { host: string; port: 0 } | { path: string }): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((s) => s.end('hi'));
  await new Promise<void>((resolve) => server.listen(listen, resolve));
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : 0 };
}

function readAll(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('network guard', () => {
  it('is installed in this test process by the setup file', () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('loa.test.noNetwork')]).toBe(true);
    expect(() => net.connect(80, '192.0.2.1')).toThrow(GUARD);
  });

  it('refuses 192.0.2.1:80 in every form of connect, with its error code', () => {
    const attempts: (() => unknown)[] = [
      () => net.connect({ host: '192.0.2.1', port: 80 }),
      () => net.createConnection(80, '192.0.2.1'),
      () => namedConnect({ host: '192.0.2.1', port: 80 }),
      () => new net.Socket().connect(80, '192.0.2.1'),
      () => new net.Socket().connect({ host: '192.0.2.1', port: 80 }),
      () => tls.connect({ host: '192.0.2.1', port: 443 }),
      () => http.get('http://192.0.2.1/'),
      () => net.connect({ host: '2001:db8::1', port: 80 }),
      () => net.connect({ host: 'example.com', port: 80 }),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        const s = attempt() as { destroy?: () => void };
        s.destroy?.();
      } catch (e) {
        error = e;
      }
      expect(error, attempt.toString()).toMatchObject({ code: NETWORK_GUARD_CODE, message: expect.stringMatching(GUARD) as unknown });
    }
  });

  it('fails fetch, pg and nodemailer to a non-loopback host', async () => {
    await expect(fetch('http://192.0.2.1/')).rejects.toMatchObject({ cause: { code: NETWORK_GUARD_CODE } });
    const client = new pg.Client({ host: '192.0.2.1', port: 5432, user: 'x', database: 'x', connectionTimeoutMillis: 1000 });
    await expect(client.connect()).rejects.toThrow(GUARD);
    const transport = nodemailer.createTransport({ host: '192.0.2.1', port: 25, connectionTimeout: 1000 });
    await expect(transport.sendMail({ from: 'a@loa.test', to: 'b@loa.test', subject: 's', text: 't' })).rejects.toThrow(GUARD);
    transport.close();
  });

  it('refuses DNS look-ups of other names, allows localhost', async () => {
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(GUARD);
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(GUARD);
    await expect(dns.promises.resolve4('example.com')).rejects.toThrow(GUARD);
    const { address } = await dns.promises.lookup('localhost', { family: 4 });
    expect(address).toBe('127.0.0.1');
  });

  it('lets loopback (127.0.0.1, localhost, ::1) and unix sockets through', async () => {
    const { server, port } = await helloServer({ host: '127.0.0.1', port: 0 });
    try {
      expect(await readAll(net.connect(port, '127.0.0.1'))).toBe('hi');
      expect(await readAll(net.connect({ host: 'localhost', port, family: 4 }))).toBe('hi');
    } finally {
      server.close();
    }
    const v6 = await helloServer({ host: '::1', port: 0 }).catch(() => null); // a machine without IPv6 loopback skips this part
    if (v6) {
      try {
        expect(await readAll(net.connect({ host: '::1', port: v6.port }))).toBe('hi');
      } finally {
        v6.server.close();
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'loa-guard-'));
    const { server: unix } = await helloServer({ path: join(dir, 's.sock') });
    try {
      expect(await readAll(net.connect(join(dir, 's.sock')))).toBe('hi');
    } finally {
      unix.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.LOA_TEST_TIER === 'unit')('in the unit tier (npm run test:unit), refuses PostgreSQL on loopback too', async () => {
    expect(() => net.connect(5432, '127.0.0.1')).toThrow(/from the unit tier/);
    await expect(new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' }).connect()).rejects.toThrow(/from the unit tier/);
  });

  it('classifies hosts', async () => {
    const { isLoopbackHost } = await import('./support/no-network.ts');
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '::ffff:127.0.0.1', '0.0.0.0', '::', undefined, ''])
      expect(isLoopbackHost(h), String(h)).toBe(true);
    for (const h of ['192.0.2.1', '10.0.0.1', '128.0.0.1', '::2', '2001:db8::1', '::ffff:192.0.2.1', 'example.com', 'loa.test', 'localhost.example.com'])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});
