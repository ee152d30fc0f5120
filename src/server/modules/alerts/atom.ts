// The Atom 1.0 index of the active CAP alerts (RFC 4287; the OASIS "CAP feeds" practice): one entry per message,
// newest first, each linking to the full CAP document. Pure; kept under MAX_FEED_BYTES.
import { escapeXml } from './cap-xml.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
export const MAX_FEED_ENTRIES = 300;
/** Aggregators refuse feeds of about 1 MB and more. */
export const MAX_FEED_BYTES = 1_000_000;
const SUMMARY_CHARS = 500;

export interface AtomEntry {
  /** A permanent IRI of the message, the same whatever host the feed is read on (tagUriOf). */
  id: string;
  identifier: string;
  headline: string;
  /** CAP dateTime (numeric offset), valid as an RFC 3339 date too. */
  sent: string;
  senderName: string;
  summary: string;
  /** Absolute URL of the CAP document. */
  href: string;
}

/** RFC 4151 tag URI of a CAP message: its sender as the authority, the day it was sent, its identifier. */
export const tagUriOf = (m: { sender: string; identifier: string; sent: string }): string => `tag:${m.sender},${m.sent.slice(0, 10)}:${m.identifier}`;

const clip = (s: string) => (s.length > SUMMARY_CHARS ? `${s.slice(0, SUMMARY_CHARS - 1)}…` : s);

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title>${escapeXml(e.headline)}</title>`,
    `    <updated>${escapeXml(e.sent)}</updated>`,
    `    <published>${escapeXml(e.sent)}</published>`,
    `    <author><name>${escapeXml(e.senderName)}</name></author>`,
    `    <link rel="alternate" type="application/cap+xml" href="${escapeXml(e.href)}"/>`,
    `    <summary>${escapeXml(clip(e.summary))}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** The feed; `updated` is the newest entry's (or `now` when empty). Entries past the byte budget are left out. */
export function renderAtom(o: { self: string; title: string; author: string; now: string; entries: readonly AtomEntry[] }): string {
  const updated = o.entries[0]?.sent ?? o.now;
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${escapeXml(o.self)}</id>`,
    `  <title>${escapeXml(o.title)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(o.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(o.self)}"/>`,
    '  <generator>Loa</generator>',
  ].join('\n');
  const tail = '</feed>\n';
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + 2;
  const parts: string[] = [];
  for (const e of o.entries.slice(0, MAX_FEED_ENTRIES)) {
    const x = entryXml(e);
    size += Buffer.byteLength(x) + 1;
    if (size > MAX_FEED_BYTES) break;
    parts.push(x);
  }
  return [head, ...parts, tail].join('\n');
}
