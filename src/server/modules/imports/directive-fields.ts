/** A parsed dispatch as the fields of a directive: its body (paragraphs, sections, closing), urgency, signer, citations. */
import type { ParsedDispatch } from '../../../shared/dispatch.ts';
import { URGENCY_LABELS } from '../directives/index.ts';
import type { Body, Block, Run } from '../directives/index.ts';
import { squash } from './proposal.ts';

// Body: the parser's paragraphs (with **bold** and *italic*) as a directive body.

function runs(paragraph: string): Run[] {
  const out: Run[] = [];
  for (const part of paragraph.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ text: part.slice(2, -2), bold: true });
    else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) out.push({ text: part.slice(1, -1), italic: true });
    else out.push({ text: part });
  }
  return out.length ? out : [{ text: paragraph }];
}
const para = (p: string): Block => ({ kind: 'paragraph', runs: runs(p.slice(0, 20_000)) });
const squashKey = (s: string) => squash(s).slice(0, 60);

/** Opening paragraphs (legal bases apart), numbered sections, and what follows the last section. */
export function bodyFromParsed(parsed: ParsedDispatch): { body: Body; legalBases: string[] } {
  const sectionStarts = new Set(parsed.sections.map((s) => squashKey(s.items[0] ?? s.heading ?? '')));
  const lastItems = parsed.sections.at(-1)?.items ?? [];
  const lastKey = squashKey(lastItems.at(-1) ?? '');
  const opening: string[] = [];
  const closing: string[] = [];
  let phase: 'opening' | 'sections' | 'closing' = 'opening';
  for (const p of parsed.body) {
    const key = squashKey(p.replace(/^\s*(?:\*\*)?\s*[0-9IVX]+[.)]\s*/, ''));
    if (phase === 'opening' && parsed.sections.length && (sectionStarts.has(key) || /^\s*(?:\*\*)?\s*1[.)]\s/.test(p))) phase = 'sections';
    if (phase === 'opening') opening.push(p);
    else if (phase === 'closing') closing.push(p);
    if (phase === 'sections' && lastKey && (key === lastKey || squashKey(p).includes(lastKey))) phase = 'closing';
  }
  const legalBases = opening
    .filter((p) => /^Căn cứ(?=\s)/u.test(p.trim()))
    .map((p) => p.trim().slice(0, 2000))
    .slice(0, 50);
  return {
    legalBases,
    body: {
      opening: opening
        .filter((p) => !legalBases.includes(p.trim()))
        .map(para)
        .slice(0, 500),
      sections: parsed.sections.slice(0, 100).map((s) => ({
        number: s.number.slice(0, 20),
        heading: s.heading ? runs(s.heading) : null,
        addressees: s.addressees
          .map((a) => a.slice(0, 300))
          .filter((a) => a.trim() !== '')
          .slice(0, 50),
        blocks: s.items.map(para).slice(0, 500),
      })),
      closing: closing.map(para).slice(0, 500),
    },
  };
}

function urgencyCode(printed: string | null): 'khan' | 'thuong_khan' | 'hoa_toc' | null {
  if (!printed) return null;
  const p = printed.normalize('NFC').toUpperCase().trim();
  const hit = Object.entries(URGENCY_LABELS).find(([, label]) => label === p);
  return hit ? (hit[0] as 'khan' | 'thuong_khan' | 'hoa_toc') : null;
}

const nonEmpty = (s: string | null | undefined, max: number) => {
  const t = s?.trim();
  return t ? t.slice(0, max) : null;
};

/**
 * The fields of a directive as a parsed dispatch prints them (unvalidated: pass them through the
 * directives' CreateDirectiveBody). Used to confirm an import and to seed the demo.
 */
export function directiveFieldsFromParsed(parsed: ParsedDispatch) {
  const { body, legalBases } = bodyFromParsed(parsed);
  const authority = parsed.signerAuthority && ['KT.', 'TL.', 'TM.', 'Q.', 'TUQ.'].includes(parsed.signerAuthority) ? parsed.signerAuthority : null;
  return {
    issuerParent: nonEmpty(parsed.issuerParent, 300),
    issuer: nonEmpty(parsed.issuer, 300) ?? undefined,
    docType: parsed.docType,
    symbol: nonEmpty(parsed.symbol?.replace(/\s+/g, ''), 100) ?? undefined,
    place: nonEmpty(parsed.place, 100),
    subject: nonEmpty(parsed.subject, 1000) ?? undefined,
    urgency: urgencyCode(parsed.urgency),
    legalBases,
    body,
    citations: parsed.citations
      .filter((c) => /^\d{1,6}$/.test(c.number) && c.symbol.trim() !== '' && Number(c.number) > 0)
      .slice(0, 100)
      .map((c) => ({ type: nonEmpty(c.type, 100), number: Number(c.number), symbol: c.symbol.slice(0, 100), date: c.date && /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? c.date : null })),
    addressees: parsed.recipients
      .map((r) => r.slice(0, 300))
      .filter((r) => r.trim() !== '')
      .slice(0, 100),
    cc: parsed.cc
      .filter((c) => !/^như trên$/iu.test(c.trim()) && c.trim() !== '')
      .slice(0, 100)
      .map((c) => ({ name: c.slice(0, 300), purpose: null })),
    archive: (parsed.archive ?? '')
      .replace(/^Lưu:?\s*/iu, '')
      .replace(/\.$/, '')
      .split(',')
      .map((s) => s.trim().slice(0, 50))
      .filter((s) => s !== '')
      .slice(0, 20),
    signer: { authority, position: nonEmpty(parsed.signerPosition, 200), title: nonEmpty(parsed.signerTitle, 200), name: nonEmpty(parsed.signerName, 200) },
  };
}
