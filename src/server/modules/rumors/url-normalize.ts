/**
 * A link as clustering compares it (issue #15 point 2): two reports of the same post share a normalised URL even
 * when one was copied from the phone app (m.facebook.com, fbclid), the other from a newsletter (utm_*), a third
 * from YouTube's share button (youtu.be, si=). Pure; no network (short links are resolved before, by the
 * link-resolver provider: `isShortLink` says which).
 *
 * What is equivalent, exactly:
 * - scheme http ≡ https; host lower case, without a trailing dot, a default port, user info, or the mobile/desktop
 *   prefixes www., m., mobile., mbasic., touch., mtouch., amp. (any *.facebook.com but the link shims is facebook.com);
 * - facebook.com ≡ fb.com (fb.com redirects path for path); /<page>/videos/<id>, /reel/<id> and /watch/?v=<id>
 *   are one video: facebook.com/watch?v=<id>. fb.watch/* and fb.me/* are short links (resolved, not rewritten);
 *   l.facebook.com/l.php?u=<target> (the link shim) is its target;
 * - youtu.be/<id>, youtube.com/shorts/<id>, /embed/<id>, /live/<id>, /v/<id> ≡ youtube.com/watch?v=<id> (only v
 *   is kept: t, list, index, si, pp, feature are the same video);
 * - tiktok.com/@<anyone>/video/<id> ≡ tiktok.com/@/video/<id> (the id is global); vm./vt.tiktok.com, tiktok.com/t/
 *   are short links;
 * - twitter.com ≡ x.com; /<anyone>/status/<id> ≡ x.com/i/status/<id>;
 * - google.com/url?q=<target> and google.com/amp/s/<target> are their target;
 * - fragments dropped; tracking parameters dropped (TRACKING_PARAMS, utm_*, __cft__*, __xts__*); the remaining query
 *   parameters sorted; path percent-encoding decoded then re-encoded one way (NFC); trailing slashes dropped.
 * Not equivalent: different paths or remaining parameters (a page's post ids differ per post), http vs ftp, hosts
 * that merely look alike (facebook.com vs facebook.net).
 */

const HOST_PREFIXES = ['www.', 'm.', 'mobile.', 'mbasic.', 'touch.', 'mtouch.', 'amp.'];

/** Query parameters that only say who shared a link or from where. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'igsh',
  'si',
  'feature',
  'ref',
  'ref_src',
  'ref_url',
  'refsrc',
  '__tn__',
  'mibextid',
  'zarsrc',
  'zalo_source',
  'sfnsn',
  'rdid',
  '_rdr',
  '_rdc',
  'share_url',
  'sharing',
  'share_source',
  'share_app_id',
  'sender_device',
  'is_from_webapp',
  'is_copy_url',
  'web_id',
  'mc_cid',
  'mc_eid',
  'cmpid',
  'ncid',
  'spm',
  'vn_source',
  'vn_medium',
  'vn_campaign',
  'vnc_source',
]);
const TRACKING_PREFIXES = ['utm_', '__cft__', '__xts__', 'hss_', 'pk_', 'mtm_'];
/** Per host family: parameters that carry no identity of the post there. */
const HOST_TRACKING: Record<string, ReadonlySet<string>> = {
  'youtube.com': new Set(['t', 'list', 'index', 'pp', 'ab_channel', 'start', 'app']),
  'x.com': new Set(['s', 't']),
  'tiktok.com': new Set(['_r', '_t', 'lang', 'q', 't']),
  'facebook.com': new Set(['notif_id', 'notif_t', 'paipv', 'eav', 'comment_tracking', 'extid', 'rdr', 'hc_ref', 'fref', '_fb_noscript']),
};

/** Hosts whose links only redirect elsewhere: resolved (when possible) by the link resolver before clustering. */
export const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  'bit.ly',
  'bitly.com',
  'j.mp',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'g.co',
  'ow.ly',
  'buff.ly',
  'is.gd',
  'v.gd',
  'cutt.ly',
  't.ly',
  'tiny.cc',
  'rb.gy',
  'shorturl.at',
  'rebrand.ly',
  'bit.do',
  's.id',
  's.net.vn',
  'bom.so',
  'bom.to',
  'tinyurl.vn',
  'link1s.com',
  'vm.tiktok.com',
  'vt.tiktok.com',
  'fb.me',
  'fb.watch',
  'lnkd.in',
  'shope.ee',
  'ln.run',
]);

/** http(s) URL of the text, or null (no scheme: https assumed; "facebook.com/x" is a link people paste). */
function parse(raw: string): URL | null {
  const s = raw.normalize('NFC').trim();
  if (!s) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : /^[^\s/]+\.[a-z]{2,}(\/|$|\?)/i.test(s) ? `https://${s}` : null;
  if (!withScheme) return null;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function bareHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  for (let again = true; again;) {
    again = false;
    for (const p of HOST_PREFIXES) {
      // Never strip down to a bare TLD ("m.me" stays: Messenger's own domain).
      if (h.startsWith(p) && h.slice(p.length).includes('.') && h !== 'm.me') {
        h = h.slice(p.length);
        again = true;
      }
    }
  }
  if (h === 'fb.com' || h === 'facebook.com' || h.endsWith('.facebook.com')) return h === 'l.facebook.com' || h === 'lm.facebook.com' ? h : 'facebook.com';
  if (h === 'twitter.com' || h === 'x.com') return 'x.com';
  if (h === 'youtube.com' || h === 'youtube-nocookie.com') return 'youtube.com';
  return h;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One way of writing a path segment: decoded, NFC, then encoded (keeping the characters paths use unencoded). */
function encodeSegment(seg: string): string {
  return encodeURIComponent(safeDecode(seg).normalize('NFC')).replace(/%(40|3A|2C|21|24|26|27|28|29|2A|2B|3B|3D)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function isTracking(name: string, family: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p))) return true;
  return HOST_TRACKING[family]?.has(n) ?? false;
}

function canonical(host: string, segments: string[], params: [string, string][]): string {
  const path = segments.length ? `/${segments.map(encodeSegment).join('/')}` : '';
  const kept = params.filter(([k]) => !isTracking(k, host)).sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const q = new URLSearchParams(kept.map(([k, v]) => [k, v.normalize('NFC')])).toString();
  return `https://${host}${path}${q ? `?${q}` : ''}`;
}

function normalizeParsed(u: URL, depth: number): string {
  const host = bareHost(u.hostname);
  const segments = u.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
  const params = [...u.searchParams.entries()];
  const get = (k: string) => u.searchParams.get(k);
  const unwrap = (target: string | null): string | null => {
    if (!target || depth > 3) return null;
    const t = parse(target);
    return t ? normalizeParsed(t, depth + 1) : null;
  };

  // Link shims and wrappers: their target.
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && segments[0] === 'l.php') return unwrap(get('u')) ?? canonical(host, segments, params);
  if (/^google\.[a-z.]+$/.test(host) && segments[0] === 'url') return unwrap(get('q') ?? get('url')) ?? canonical(host, segments, params);
  if (/^google\.[a-z.]+$/.test(host) && segments[0] === 'amp' && segments[1] === 's' && segments.length > 2)
    return unwrap(segments.slice(2).join('/')) ?? canonical(host, segments, params);

  if (host === 'youtu.be' && segments[0]) return `https://youtube.com/watch?v=${encodeSegment(segments[0])}`;
  if (host === 'youtube.com') {
    if (['shorts', 'embed', 'live', 'v'].includes(segments[0] ?? '') && segments[1]) return `https://youtube.com/watch?v=${encodeSegment(segments[1])}`;
    if (segments[0] === 'watch' && get('v')) return `https://youtube.com/watch?v=${encodeSegment(get('v')!)}`;
  }
  if (host === 'facebook.com') {
    const vid = segments[0] === 'watch' ? get('v') : segments[0] === 'reel' ? segments[1] : segments[1] === 'videos' ? segments[segments.length - 1] : null;
    if (vid && /^\d+$/.test(vid)) return `https://facebook.com/watch?v=${vid}`;
  }
  if (host === 'tiktok.com' && segments[0]?.startsWith('@') && segments[1] === 'video' && segments[2]) return `https://tiktok.com/@/video/${encodeSegment(segments[2])}`;
  if (host === 'x.com' && segments[1] === 'status' && segments[2] && /^\d+$/.test(segments[2])) return `https://x.com/i/status/${segments[2]}`;
  return canonical(host, segments, params);
}

/** The comparison form of a link (see the file's comment); a text that is no http(s) link: NFC, trimmed, lower case. */
export function normalizeUrl(raw: string): string {
  const u = parse(raw);
  if (!u) return raw.normalize('NFC').trim().toLowerCase();
  return normalizeParsed(u, 0);
}

/** True for a link that only redirects (bit.ly, vm.tiktok.com, fb.watch, facebook.com/share/…): worth resolving. */
export function isShortLink(raw: string): boolean {
  const u = parse(raw);
  if (!u) return false;
  const h = u.hostname.toLowerCase().replace(/^www\./, '');
  if (SHORTENER_HOSTS.has(h)) return u.pathname.length > 1;
  const host = bareHost(u.hostname);
  if (host === 'tiktok.com' && u.pathname.startsWith('/t/')) return true;
  if (host === 'facebook.com' && u.pathname.startsWith('/share/')) return true;
  return false;
}
