/**
 * The part of an import proposal read from the file alone: each field with its confidence and the
 * line it was read from, and each printed recipient, cc entry and section addressee with its
 * directory match. Pure (no database, no other module) so it runs inside the analysis sandbox,
 * where scanning a large text for sources cannot stall the server.
 */
import type { ParsedDispatch } from '../../../shared/dispatch.ts';
import type { DispatchMatch, IssuerProposal, TextMatch } from './parse/match.ts';

/** Proposals below this confidence are flagged for the officer to check (IMPORT_LIMITS.lowConfidence). */
export const LOW_CONFIDENCE = 0.7;

/** Where a value appears in the extracted text: 1-based line and the line as printed. */
export type Source = { line: number; text: string } | null;

export interface ProposedField {
  field: string;
  value: string | null;
  confidence: number;
  flagged: boolean;
  note: string | null;
  source: Source;
}

export type ProposedMatch = TextMatch & {
  flagged: boolean;
  source: Source;
  /** Set after the sandbox: why the officer should check, and today's successors of an old unit. */
  note?: string | null;
  successors?: Array<{ id: string; name: string }>;
};

export interface ReadProposal {
  issuer: IssuerProposal | null;
  fields: ProposedField[];
  recipients: ProposedMatch[];
  cc: ProposedMatch[];
  addressees: Array<ProposedMatch & { section: string }>;
}

/** Lower-cased, NFC, emphasis marks dropped, whitespace collapsed: how values and lines are compared. */
export function squash(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[*_`\\<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function locator(text: string) {
  const lines = text.split(/\r\n|\r|\n/);
  const squashed = lines.map(squash);
  return (needle: string | null | undefined): Source => {
    if (!needle) return null;
    const n = squash(needle).slice(0, 40);
    if (n.length < 2) return null;
    let i = squashed.findIndex((l) => l.includes(n));
    // A value spread over two lines (a wrapped V/v): try its first words.
    if (i < 0) {
      const head = n.split(' ').slice(0, 4).join(' ');
      if (head.length >= 6) i = squashed.findIndex((l) => l.includes(head));
    }
    return i < 0 ? null : { line: i + 1, text: (lines[i] ?? '').trim().slice(0, 300) };
  };
}

const round = (n: number) => Number(n.toFixed(3));

/** Fields and matches of the proposal, each with confidence, flag and source. */
export function readProposal(text: string, parsed: ParsedDispatch, match: DispatchMatch): ReadProposal {
  const locate = locator(text);
  const low = LOW_CONFIDENCE;
  const field = (name: string, value: string | null, o: { confidence?: number; note?: string | null; needle?: string | null } = {}): ProposedField => {
    const source = locate(o.needle ?? value);
    const confidence = value === null ? 0 : (o.confidence ?? (source ? 0.95 : 0.6));
    return { field: name, value, confidence: round(confidence), flagged: confidence < low, note: o.note ?? (value === null ? 'không đọc được, cần nhập' : null), source };
  };
  const fullDate = parsed.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date);
  const fields = [
    field('issuerParent', parsed.issuerParent),
    field('issuer', parsed.issuer ?? match.issuer?.name ?? null, {
      confidence: parsed.issuer ? 0.95 : (match.issuer?.confidence ?? 0),
      note: parsed.issuer ? null : match.issuer ? `suy ra từ ${match.issuer.evidence.join(', ')}` : 'không đọc được, cần nhập',
      needle: parsed.issuer ?? parsed.symbol,
    }),
    field('number', parsed.number, { note: parsed.number ? null : 'số để trống trên văn bản' }),
    field('symbol', parsed.symbol),
    field('docType', parsed.docType, { confidence: 0.9 }),
    field('place', parsed.place),
    field('date', parsed.date, {
      confidence: parsed.date ? (fullDate ? 0.95 : 0.4) : 0,
      note: parsed.date && !fullDate ? 'ngày để trống trên văn bản (chỉ có tháng, năm)' : null,
      needle: parsed.place ? `${parsed.place}, ngày` : null,
    }),
    field('subject', parsed.subject),
    field('urgency', parsed.urgency, { note: parsed.urgency ? null : 'không có dấu độ khẩn' }),
    field('signerPosition', parsed.signerPosition),
    field('signerName', parsed.signerName),
  ];
  // A missing urgency mark is normal: not flagged.
  const urgency = fields.find((f) => f.field === 'urgency');
  if (urgency && urgency.value === null) urgency.flagged = false;

  const present = (m: TextMatch): ProposedMatch => ({ ...m, flagged: m.confidence < low || m.target === null, source: locate(m.text) });
  return {
    issuer: match.issuer,
    fields,
    recipients: match.recipients.map(present),
    cc: match.cc.map(present),
    addressees: match.addressees.map((a) => ({ ...present(a), section: a.section })),
  };
}

/** Most entries of each list kept from a parse: a real dispatch has far fewer; a hostile text is cut here. */
export const PARSED_CAPS = { recipients: 200, cc: 200, sections: 100, addresseesPerSection: 50, tasks: 100 } as const;

/** Bounds the lists of a parse, so that what follows (matching, sources, tasks) is bounded too. */
export function capParsed(parsed: ParsedDispatch): ParsedDispatch {
  return {
    ...parsed,
    recipients: parsed.recipients.slice(0, PARSED_CAPS.recipients),
    cc: parsed.cc.slice(0, PARSED_CAPS.cc),
    sections: parsed.sections.slice(0, PARSED_CAPS.sections).map((s) => ({ ...s, addressees: s.addressees.slice(0, PARSED_CAPS.addresseesPerSection) })),
    tasks: parsed.tasks.slice(0, PARSED_CAPS.tasks),
  };
}

/** Longest task title proposed: the paragraph itself goes to the description. */
export const TASK_TITLE_MAX = 120;

const startsWithFolded = (text: string, prefix: string) => text.slice(0, prefix.length).toLocaleLowerCase('vi') === prefix.toLocaleLowerCase('vi');

/**
 * A task title from a section's text: its first clause (up to ";", ":", "(" or the end of the
 * sentence) without the addressees it opens with ("Đề nghị Đài …, UBND các xã … xây dựng …" →
 * "Xây dựng …"), cut at a comma (or a word) to at most 120 characters. A heading that is only
 * its addressees ("Đài Truyền thanh - Truyền hình các huyện:") is titled by what follows (`next`).
 */
export function shortTitle(text: string, addressees: readonly string[], next?: string, max = TASK_TITLE_MAX): string {
  let t = text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  const opener = /^(?:Đề nghị|Giao|Yêu cầu)\s+/iu.exec(t);
  let rest = opener ? t.slice(opener[0].length) : t;
  let stripped = false;
  for (const a of addressees) {
    const name = a.trim();
    if (name && startsWithFolded(rest, name)) {
      rest = rest.slice(name.length).replace(/^\s*(?:[,;]|và)?\s*/u, '');
      stripped = true;
    }
  }
  const clause = (x: string) => {
    const end = x.search(/[;:(]|[.!?](?=\s|$)/u);
    return (end > 0 ? x.slice(0, end) : x).trim().replace(/[,;:.\s-]+$/u, '');
  };
  if (stripped && !clause(rest) && next) return shortTitle(next, [], undefined, max);
  t = (stripped && clause(rest)) || clause(t) || t;
  if (t.length > max) {
    const cut = t.lastIndexOf(',', max);
    if (cut > max / 3) t = t.slice(0, cut);
    else {
      const space = t.lastIndexOf(' ', max - 1);
      t = `${t.slice(0, space > 0 ? space : max - 1)}…`;
    }
  }
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}
