// Pure helpers for the contacts editor (unit-tested).
import type { Contacts } from './units-api.ts';

/** Split a textarea (one item per line, commas/semicolons also accepted). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n,;]+/)) {
    const v = part.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Same rule as the server: digits, spaces, dots, dashes, parentheses, "+".
const PHONE_RE = /^[0-9+().\s-]{3,30}$/;

export function invalidEmails(list: string[]): string[] {
  return list.filter((e) => !EMAIL_RE.test(e));
}

export function invalidPhones(list: string[]): string[] {
  return list.filter((p) => !PHONE_RE.test(p));
}

export interface ContactsDraft {
  emails: string;
  phones: string;
  address: string;
  website: string;
}

export function toDraft(c: Contacts): ContactsDraft {
  return {
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    address: c.address ?? '',
    website: c.website ?? '',
  };
}

export function fromDraft(d: ContactsDraft): Contacts {
  const address = d.address.trim();
  let website = d.website.trim();
  if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`;
  return {
    emails: splitList(d.emails),
    phones: splitList(d.phones),
    address: address || null,
    website: website || null,
  };
}
