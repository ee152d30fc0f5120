import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LinkResolver } from './port.ts';

export interface HttpLinkResolverOptions {
  /** For the whole chain of hops (default 3 s). */
  timeoutMs?: number;
  /** Redirects followed at most (default 5). */
  maxHops?: number;
  /**
   * Whether a hop is itself a short link worth requesting; the first location that is not is the answer, never
   * requested (a shortener's target is a social network or a news site: nothing to learn there, and asking it would
   * tell the platform the desk looked). Default: every hop is followed.
   */
  follow?: (url: URL) => boolean;
  /** Tests only: allow loopback addresses (the local redirect server). Other private addresses are always refused. */
  allowLoopback?: boolean;
}

/** Private, loopback, link-local, carrier-grade NAT, multicast and reserved ranges: never requested. */
function blockList(allowLoopback: boolean): net.BlockList {
  const b = new net.BlockList();
  for (const [a, p] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const)
    b.addSubnet(a, p, 'ipv4');
  if (!allowLoopback) b.addSubnet('127.0.0.0', 8, 'ipv4');
  for (const [a, p] of [
    ['::', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
    ['64:ff9b::', 96],
  ] as const)
    b.addSubnet(a, p, 'ipv6');
  if (!allowLoopback) b.addAddress('::1', 'ipv6');
  return b;
}

function refused(b: net.BlockList, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return b.check(mapped[1]!, 'ipv4');
  return b.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const FINAL = Symbol('final');

/**
 * Follows a short link's HTTP redirects (HEAD, then GET when HEAD tells nothing), http/https only, at most `maxHops`
 * hops within `timeoutMs`, never to a private address (checked on the addresses DNS gives, at connection time, so
 * a name cannot be re-pointed between the check and the request). Meta-refresh and script redirects are not
 * followed. Any failure → null.
 */
export function createHttpLinkResolver(o: HttpLinkResolverOptions = {}): LinkResolver {
  const timeoutMs = o.timeoutMs ?? 3000;
  const maxHops = o.maxHops ?? 5;
  const follow = o.follow ?? (() => true);
  const blocked = blockList(o.allowLoopback ?? false);

  const lookup: net.LookupFunction = (hostname, options, cb) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, '', 4);
      const list = addresses;
      const ok = list.filter((a) => !refused(blocked, a.address));
      if (ok.length === 0 || ok.length !== list.length) return cb(Object.assign(new Error(`refused address for ${hostname}`), { code: 'EREFUSED' }), '', 4);
      if ((options as { all?: boolean }).all) return (cb as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      return cb(null, ok[0]!.address, ok[0]!.family);
    });
  };

  /** One request: the redirect's target, FINAL when the answer is no redirect, null on failure. */
  function hop(url: URL, method: 'HEAD' | 'GET', signal: AbortSignal): Promise<{ location: string } | typeof FINAL | null> {
    return new Promise((resolve) => {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) && refused(blocked, host)) return resolve(null);
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, { method, lookup, signal, agent: false, headers: { 'user-agent': 'Loa link check', accept: '*/*' } }, (res) => {
        const location = res.headers.location;
        res.destroy();
        if (res.statusCode && REDIRECTS.has(res.statusCode) && location) return resolve({ location });
        resolve(FINAL);
      });
      req.on('error', () => resolve(null));
      req.end();
    });
  }

  return {
    async resolve(input) {
      let current: URL;
      try {
        current = new URL(input);
      } catch {
        return null;
      }
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return null;
      const signal = AbortSignal.timeout(timeoutMs);
      for (let hops = 0; hops < maxHops; hops++) {
        let next = await hop(current, 'HEAD', signal);
        if (next === FINAL) next = await hop(current, 'GET', signal);
        if (next === null) return null;
        if (next === FINAL) return hops === 0 ? null : current.toString();
        let target: URL;
        try {
          target = new URL(next.location, current);
        } catch {
          return null;
        }
        if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
        if (!follow(target)) return target.toString();
        current = target;
      }
      return null;
    },
  };
}
