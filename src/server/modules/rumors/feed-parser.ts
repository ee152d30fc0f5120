// Press and official sites' feeds (issue #15 point 1): RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) read into plain items.
// Entities are never expanded by the XML parser (a DOCTYPE's entities could make a few bytes into gigabytes — "billion
// laughs"): the parser leaves every reference as written and this file decodes only XML's five, numeric references and
// a few HTML names, once, after stripping the markup.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MONITORING_LIMITS } from '../../../shared/contracts/rumors-monitoring.ts';

export interface ParsedFeedItem {
  /** The item's identity in its feed: guid / id / rdf:about, else its link, else a hash of title and date. */
  guid: string;
  url: string | null;
  title: string;
  /** Plain text: HTML stripped, entities decoded, spaces collapsed. */
  summary: string;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string;
  items: ParsedFeedItem[];
}

/** A document that is not a feed Loa reads; `message` is Vietnamese (stored as the feed's last error). */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 100,
});

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
};

/** Decodes XML's entities, numeric references and a few HTML names in one pass (no recursion: `&amp;lt;` → `&lt;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Markup out, text in: scripts and styles dropped whole, tags become spaces, entities decoded, spaces collapsed, NFC. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim().normalize('NFC');
}

type Node = unknown;
const isObj = (v: Node): v is Record<string, Node> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Node): Node[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The raw text of an element: its text (entity references as written) and CDATA (verbatim, markers added back). */
function raw(v: Node): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return raw(v[0]);
  if (isObj(v)) {
    const text = typeof v['#text'] === 'string' ? v['#text'] : '';
    // CDATA is literal: escape its ampersands so the one decoding pass gives it back unchanged.
    const cdata = list(v['#cdata'])
      .map((c) => String(c as string).replace(/&/g, '&amp;'))
      .join('');
    return text + cdata;
  }
  return '';
}

/** Text of an element that may hold HTML (RSS description, Atom type="html"): decoded once, then stripped. */
function richText(v: Node, max: number): string {
  const once = decodeEntities(raw(v));
  return clip(htmlToText(once), max);
}

/** Text of an element that holds plain text (a title, a guid). */
function plainText(v: Node, max: number): string {
  // Plain, but press feeds put escaped markup in titles too: strip it all the same.
  return clip(htmlToText(decodeEntities(raw(v))), max);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

function date(v: Node): Date | null {
  const s = plainText(v, 100);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

function httpUrl(s: string): string | null {
  const u = s.trim();
  if (!u) return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.toString() : null;
  } catch {
    return null;
  }
}

function fallbackGuid(title: string, published: Date | null, url: string | null): string {
  return (
    url ??
    `sha256:${createHash('sha256')
      .update(`${title}\n${published?.toISOString() ?? ''}`)
      .digest('hex')}`
  );
}

function rssItem(it: Node): ParsedFeedItem | null {
  if (!isObj(it)) return null;
  const title = plainText(it.title, MONITORING_LIMITS.itemTitle);
  const url = httpUrl(plainText(it.link, MONITORING_LIMITS.feedUrl));
  const summary = richText(it.description ?? it.encoded, MONITORING_LIMITS.itemSummary);
  const publishedAt = date(it.pubDate ?? it.date);
  const guid = plainText(it.guid, 1000) || raw(isObj(it) ? it['@_about'] : '') || fallbackGuid(title, publishedAt, url);
  if (!title && !summary) return null;
  return { guid, url, title: title || clip(summary, 120), summary, publishedAt };
}

function atomLink(links: Node): string | null {
  const all = list(links).filter(isObj);
  const pick = all.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? all[0];
  const href = pick?.['@_href'];
  return typeof href === 'string' ? httpUrl(href) : null;
}

function atomItem(e: Node): ParsedFeedItem | null {
  if (!isObj(e)) return null;
  const title = plainText(e.title, MONITORING_LIMITS.itemTitle);
  const url = atomLink(e.link);
  const summary = richText(e.summary ?? e.content, MONITORING_LIMITS.itemSummary);
  const publishedAt = date(e.published ?? e.updated);
  const guid = plainText(e.id, 1000) || fallbackGuid(title, publishedAt, url);
  if (!title && !summary) return null;
  return { guid, url, title: title || clip(summary, 120), summary, publishedAt };
}

/** Parses a feed document (UTF-8 text). Throws FeedParseError (Vietnamese) for anything that is not a well-formed feed. */
export function parseFeed(xml: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new FeedParseError('Nguồn tin trả về nội dung rỗng.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FeedParseError(`Nguồn tin không phải XML hợp lệ (dòng ${valid.err.line}, cột ${valid.err.col}).`);
  let doc: Node;
  try {
    doc = parser.parse(text);
  } catch (e) {
    throw new FeedParseError(`Không đọc được nguồn tin: ${e instanceof Error ? e.message.slice(0, 200) : 'lỗi XML'}.`);
  }
  if (!isObj(doc)) throw new FeedParseError('Nguồn tin không có nội dung.');
  const cap = (items: (ParsedFeedItem | null)[]) => items.filter((i): i is ParsedFeedItem => i !== null).slice(0, MONITORING_LIMITS.itemsPerFetch);
  if (isObj(doc.rss)) {
    const channel = list(doc.rss.channel)[0];
    if (!isObj(channel)) throw new FeedParseError('Nguồn tin RSS thiếu phần <channel>.');
    return { format: 'rss', title: plainText(channel.title, 300), items: cap(list(channel.item).map(rssItem)) };
  }
  if (isObj(doc.feed)) {
    return { format: 'atom', title: plainText(doc.feed.title, 300), items: cap(list(doc.feed.entry).map(atomItem)) };
  }
  if (isObj(doc.RDF)) {
    const channel = list(doc.RDF.channel)[0];
    return { format: 'rdf', title: isObj(channel) ? plainText(channel.title, 300) : '', items: cap(list(doc.RDF.item).map(rssItem)) };
  }
  throw new FeedParseError('Tài liệu không phải nguồn tin RSS hoặc Atom.');
}
