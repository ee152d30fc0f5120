/**
 * Pure helpers: the text forms of a directive (register number, symbol, plain body text) and its
 * mapping to the ParsedDispatch contract the Decree 30 renderer reads.
 */
import type { ParsedDispatch } from '../../../shared/dispatch.ts';
import { foldDiacritics } from '../../platform/text.ts';
import { CC_PURPOSE_LABELS, DOC_TYPES, URGENCY_LABELS } from './directives.schemas.ts';
import type { Block, Body, CcEntry, Run } from './directives.schemas.ts';

/** Decree 30: numbers below 10 get a leading zero ("05"). */
export function formatNumber(n: number | null): string | null {
  if (n === null) return null;
  return n < 10 ? `0${n}` : String(n);
}

/** "05/STTTT-TTBCXB" when numbered, "/STTTT-TTBCXB" before. */
export function fullSymbol(d: { number: number | null; symbol: string }): string {
  return `${formatNumber(d.number) ?? ''}/${d.symbol}`;
}

/** How citations meet directives: folded, no spaces ("CĐ-UBND" and "CD - UBND" are one key). */
export function symbolKey(symbol: string): string {
  return foldDiacritics(symbol).replace(/\s+/g, '');
}

function runsToText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Inline marks as the ParsedDispatch contract keeps them: **bold**, *italic*, ***both***. */
function runsToMarked(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (!r.text.trim()) return r.text;
      const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
      return mark ? `${mark}${r.text}${mark}` : r.text;
    })
    .join('');
}

function blockLines(b: Block, render: (runs: readonly Run[]) => string): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [render(b.runs)];
    case 'bullets':
      return b.items.map((item) => `- ${render(item)}`);
  }
}

function bodyLines(body: Body, render: (runs: readonly Run[]) => string): string[] {
  const lines: string[] = [];
  for (const b of body.opening) lines.push(...blockLines(b, render));
  for (const s of body.sections) {
    const heading = s.heading ? render(s.heading) : s.addressees.join(', ');
    const number = s.number ? `${s.number}.` : null;
    const blocks = s.blocks.flatMap((b) => blockLines(b, render));
    // A numbered item without a heading: the number starts its first paragraph ("1. Các cơ quan…").
    if (number && !heading && s.blocks[0]?.kind === 'paragraph') blocks[0] = `${number} ${blocks[0] ?? ''}`;
    else if (number || heading) lines.push([number, heading || null].filter(Boolean).join(' '));
    lines.push(...blocks);
  }
  for (const b of body.closing) lines.push(...blockLines(b, render));
  return lines;
}

/** Plain text of a body, one paragraph a line (search, e-mail). */
export function bodyText(body: Body, legalBases: readonly string[] = []): string {
  return [...legalBases, ...bodyLines(body, runsToText)].join('\n');
}

export function ccLine(c: CcEntry): string {
  return c.purpose ? `${c.name} (${CC_PURPOSE_LABELS[c.purpose]})` : c.name;
}

export interface DirectiveForDispatch {
  issuerParent: string | null;
  issuer: string;
  docType: string;
  number: number | null;
  symbol: string;
  place: string | null;
  date: string | null;
  subject: string;
  urgency: string | null;
  legalBases: string[];
  citations: { type: string | null; number: number; symbol: string; date: string | null }[];
  body: Body;
  addressees: string[];
  cc: CcEntry[];
  archive: string[];
  signerAuthority: string | null;
  signerPosition: string | null;
  signerTitle: string | null;
  signerName: string | null;
}

/** Maps a directive to the structured dispatch the Decree 30 renderer reads. */
export function toParsedDispatch(d: DirectiveForDispatch): ParsedDispatch {
  const urgency = d.urgency && d.urgency in URGENCY_LABELS ? URGENCY_LABELS[d.urgency as keyof typeof URGENCY_LABELS] : null;
  return {
    issuerParent: d.issuerParent,
    issuer: d.issuer,
    number: formatNumber(d.number),
    symbol: d.symbol,
    docType: d.docType,
    place: d.place,
    date: d.date,
    subject: d.subject,
    urgency,
    recipients: d.addressees,
    cc: d.cc.map(ccLine),
    archive: d.archive.length ? `Lưu: ${d.archive.join(', ')}.` : null,
    citations: d.citations.map((c) => ({
      type: c.type,
      number: String(c.number),
      symbol: c.symbol,
      date: c.date,
    })),
    emails: [],
    phones: [],
    urls: [],
    deadlines: [],
    signerAuthority: d.signerAuthority,
    signerPosition: d.signerPosition,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
    body: [...d.legalBases, ...bodyLines(d.body, runsToMarked)],
    sections: d.body.sections.map((s, i) => ({
      number: s.number ?? String(i + 1),
      heading: s.heading ? runsToMarked(s.heading) : null,
      addressees: s.addressees,
      items: s.blocks.flatMap((b) => blockLines(b, runsToMarked)),
    })),
    tasks: [],
    reportForm: null,
  };
}

export function docTypeName(code: string): string {
  return code in DOC_TYPES ? DOC_TYPES[code as keyof typeof DOC_TYPES] : code;
}
