// What the Decree 30 preview prints, built from a form or a stored directive.
// The strings here are document text (always Vietnamese), not UI labels.
// The text forms (numbers, dates, list punctuation) are the renderer's own: src/shared/decree30-text.ts.
import { documentNumber, formatPlaceAndDate, formatVnDate as sharedDate, listEntry, punctuateList } from '../../../shared/decree30-text.ts';
import type { CcEntry, Directive, DirectiveBody } from './directives-api.ts';
import { formArchive, formBody, formCc, lines, type DraftForm } from './draft-form.ts';

export interface DocView {
  issuerParent: string | null;
  issuer: string | null;
  docType: string;
  /** "Kế hoạch" for KH: the title of a document that is not a công văn. */
  docTypeName: string;
  number: string | null;
  symbol: string;
  place: string | null;
  date: string | null;
  subject: string;
  urgency: string | null;
  legalBases: string[];
  body: DirectiveBody;
  addressees: string[];
  cc: CcEntry[];
  archive: string[];
  signer: { authority: string | null; position: string | null; title: string | null; name: string | null };
  /** Not issued yet: "DỰ THẢO" in the top margin. */
  draft: boolean;
}

const nz = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

export function viewFromForm(f: DraftForm, typeName: string): DocView {
  return {
    issuerParent: nz(f.issuerParent),
    issuer: nz(f.issuer),
    docType: f.docType,
    docTypeName: typeName,
    number: null,
    symbol: f.symbol.trim(),
    place: nz(f.place),
    date: null,
    subject: f.subject.trim(),
    urgency: f.urgency || null,
    legalBases: [],
    body: formBody(f),
    addressees: lines(f.addressees),
    cc: formCc(f),
    archive: formArchive(f),
    signer: { authority: nz(f.signerAuthority), position: nz(f.signerPosition), title: nz(f.signerTitle), name: nz(f.signerName) },
    draft: true,
  };
}

export function viewFromDirective(d: Directive, typeName: string): DocView {
  return {
    issuerParent: d.issuerParent,
    issuer: d.issuer,
    docType: d.docType,
    docTypeName: typeName,
    number: d.number,
    symbol: d.symbol,
    place: d.place,
    date: d.date,
    subject: d.subject,
    urgency: d.urgency,
    legalBases: d.legalBases,
    body: d.body,
    addressees: d.addressees,
    cc: d.cc,
    archive: d.archive,
    signer: d.signer,
    draft: d.status !== 'issued' && d.status !== 'revoked',
  };
}

export const URGENCY_MARKS: Record<string, string> = { khan: 'KHẨN', thuong_khan: 'THƯỢNG KHẨN', hoa_toc: 'HỎA TỐC' };
export const CC_PURPOSE_MARKS: Record<string, string> = {
  de_bao_cao: 'để b/c',
  de_biet: 'để biết',
  de_thuc_hien: 'để thực hiện',
  de_phoi_hop: 'để phối hợp',
};

/** Blank left for a hand-written number or day. */
const BLANK = '\u00a0'.repeat(7);
const BLANK_NUMBER = '\u00a0'.repeat(10);

export const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');

/** "Số: 05/VHTT-TT&TT"; the number is blank before issue; numbers below 10 take a leading zero. */
export function numberLine(number: string | null, symbol: string): string {
  return `Số: ${documentNumber(number, BLANK_NUMBER)}/${symbol}`;
}

/** "ngày 05 tháng 02 năm 2021": days below 10 and months 1–2 take a leading zero; null leaves blanks. */
export const formatVnDate = (date: string | null): string => sharedDate(date, BLANK);

export const placeAndDate = (place: string | null, date: string | null): string => formatPlaceAndDate(place, date, BLANK);

/** The subject without a typed "V/v " prefix. */
export function subjectText(s: string): string {
  return s.trim().replace(/^V\/v\s*/i, '');
}

const entry = listEntry;

/** "- a;", "- b." : every list entry ends with ";", the last with "." (empty entries left out). */
export function punctuate(items: readonly string[]): string[] {
  return punctuateList(items.map(entry).filter(Boolean));
}

/** Nơi nhận entries with their purposes, then "Lưu: VT, …" last. */
export function ccLines(cc: readonly CcEntry[], archive: readonly string[]): string[] {
  const items = cc.map((c) => (c.purpose && CC_PURPOSE_MARKS[c.purpose] ? `${entry(c.name)} (${CC_PURPOSE_MARKS[c.purpose]})` : c.name));
  items.push(`Lưu: ${archive.length ? archive.join(', ') : 'VT'}`);
  return punctuate(items);
}

/** "KT. CHỦ TỊCH" + "PHÓ CHỦ TỊCH": the signer's lines above the signature, upper case. */
export function signerLines(s: DocView['signer']): string[] {
  const position = [s.authority, s.position].filter((x): x is string => !!x?.trim()).join(' ');
  return [position, s.title ?? ''].filter((x) => x.trim()).map(upper);
}
