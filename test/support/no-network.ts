// Vitest setup file (vitest.config.ts setupFiles; it runs in every forked test process): a test may reach loopback
// (127.0.0.0/8, ::1, localhost) and unix sockets, nothing else. Every TCP client in Node — net, http, https, tls,
// fetch (undici), pg, nodemailer — ends in net.Socket.prototype.connect, so guarding that guards them all; DNS
// look-ups of other names are refused too. Processes a test spawns (loa start, chromium) are not covered.
import dns from 'node:dns';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';

export const NETWORK_GUARD_CODE = 'ERR_TEST_NETWORK_GUARD';

export class NetworkGuardError extends Error {
  readonly code = NETWORK_GUARD_CODE;
  constructor(target: string) {
    super(
      `Network guard (test/support/no-network.ts): a test tried to reach ${target}. Tests may only connect to loopback ` +
        '(127.0.0.0/8, ::1, localhost) or a unix socket: use a fake provider (src/server/providers/*/fake.ts) or a server on 127.0.0.1.',
    );
    this.name = 'NetworkGuardError';
  }
}

/** True for a loopback name or address: localhost (and *.localhost), 127.0.0.0/8, ::1, their IPv4-mapped forms, 0.0.0.0 / :: (this host). */
export function isLoopbackHost(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true; // Node's default host is localhost
  let h = host.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h.startsWith('::ffff:')) h = h.slice('::ffff:'.length);
  if (net.isIPv4(h)) return h.startsWith('127.') || h === '0.0.0.0';
  if (net.isIPv6(h)) return h === '::1' || h === '::' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || /^(0{1,4}:){7}0{1,4}$/.test(h);
  return false;
}

type ConnectArgs = unknown[];

/** The target of a Socket#connect call, in any of its forms: (options), (path), (port, host), or net's normalized [options, cb]. */
function targetOf(args: ConnectArgs): { path?: string; host?: string; port?: unknown } {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === 'string' && o.path !== '') return { path: o.path };
    return { host: typeof o.host === 'string' ? o.host : undefined, port: o.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
}

/** The unit tier (npm run test:unit, LOA_TEST_TIER=unit) reaches no database, not even on loopback. */
const DATABASE_PORTS = new Set(['5432']);
const unitTier = process.env.LOA_TEST_TIER === 'unit';

function check(args: ConnectArgs): void {
  const t = targetOf(args);
  if (t.path !== undefined) {
    if (unitTier && /\.s\.PGSQL\.\d+$/.test(t.path)) throw new NetworkGuardError(`the PostgreSQL socket ${t.path} from the unit tier (a .unit.test.ts opens no database)`);
    return;
  }
  if (!isLoopbackHost(t.host)) throw new NetworkGuardError(`${t.host}:${String(t.port)}`);
  if (unitTier && DATABASE_PORTS.has(String(t.port)))
    throw new NetworkGuardError(`PostgreSQL at ${t.host ?? 'localhost'}:${String(t.port)} from the unit tier (a .unit.test.ts opens no database)`);
}

const GUARDED = Symbol.for('loa.test.noNetwork');
const g = globalThis as { [GUARDED]?: boolean };

if (!g[GUARDED]) {
  g[GUARDED] = true;

  const proto = net.Socket.prototype as unknown as { connect: (this: net.Socket, ...a: ConnectArgs) => net.Socket };
  const socketConnect = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    check(args);
    return socketConnect.apply(this, args);
  };

  // net.connect / createConnection end in Socket#connect too; checking here as well fails before a socket exists.
  for (const name of ['connect', 'createConnection'] as const) {
    const original = net[name] as (...a: ConnectArgs) => net.Socket;
    (net as Record<string, unknown>)[name] = function guardedNetConnect(...args: ConnectArgs) {
      check(args);
      return original.apply(net, args);
    };
  }

  // DNS: a look-up of any name but a loopback one is refused (IP literals: only loopback ones).
  const refuse = (name: unknown): void => {
    if (typeof name === 'string' && !isLoopbackHost(name)) throw new NetworkGuardError(`DNS look-up of ${name}`);
  };
  const callbackFns = ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt'] as const;
  for (const name of callbackFns) {
    const original = dns[name] as (...a: unknown[]) => unknown;
    (dns as Record<string, unknown>)[name] = function guardedDns(this: unknown, ...args: unknown[]) {
      refuse(args[0]);
      return original.apply(this, args);
    };
    const promised = dns.promises[name] as (...a: unknown[]) => unknown;
    (dns.promises as Record<string, unknown>)[name] = async function guardedDnsPromise(this: unknown, ...args: unknown[]) {
      refuse(args[0]);
      return promised.apply(this, args);
    };
  }
  // `import { connect } from 'node:net'` and friends see the patched functions too.
  syncBuiltinESMExports();
}
