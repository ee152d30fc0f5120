// Form state of a draft directive, its conversion to the API input and to the
// preview model, and the defaults taken from the drafter's unit. Pure module.
import {
  CC_PURPOSES,
  SIGNER_AUTHORITIES,
  URGENCIES,
  type CcEntry,
  type CcPurpose,
  type Directive,
  type DirectiveBody,
  type DirectiveInput,
  type SignerAuthority,
  type Urgency,
} from './directives-api.ts';
import type { DirectiveStrings } from './strings.ts';
import { blocksToText, parseRuns, runsToText, textToBlocks } from './body-text.ts';

export interface SectionForm {
  /** React key only. */
  key: string;
  number: string;
  heading: string;
  text: string;
  /** Kept from the server; not edited here. */
  addressees: string[];
}

export interface CcForm {
  key: string;
  name: string;
  purpose: CcPurpose | '';
}

export interface DraftForm {
  issuerParent: string;
  issuer: string;
  docType: string;
  symbol: string;
  place: string;
  subject: string;
  urgency: Urgency | '';
  /** Publish on the portal's list of public documents once issued. */
  public: boolean;
  opening: string;
  sections: SectionForm[];
  closing: string;
  /** Kính gửi, one per line. */
  addressees: string;
  recipientUnits: string[];
  recipientGroups: string[];
  cc: CcForm[];
  /** Lưu: "VT, VHTT". */
  archive: string;
  signerAuthority: SignerAuthority | '';
  signerPosition: string;
  signerTitle: string;
  signerName: string;
}

let seq = 0;
export const newKey = (): string => `k${++seq}`;

export function emptySection(number: string): SectionForm {
  return { key: newKey(), number, heading: '', text: '', addressees: [] };
}

export function emptyCc(): CcForm {
  return { key: newKey(), name: '', purpose: '' };
}

export function emptyForm(defaults: Partial<DraftForm> = {}): DraftForm {
  return {
    issuerParent: '',
    issuer: '',
    docType: 'CV',
    symbol: '',
    place: '',
    subject: '',
    urgency: '',
    public: false,
    opening: '',
    sections: [emptySection('1')],
    closing: '',
    addressees: '',
    recipientUnits: [],
    recipientGroups: [],
    cc: [],
    archive: 'VT',
    signerAuthority: '',
    signerPosition: '',
    signerTitle: '',
    signerName: '',
    ...defaults,
  };
}

const isUrgency = (v: string | null): v is Urgency => (URGENCIES as readonly string[]).includes(v ?? '');
const isAuthority = (v: string | null): v is SignerAuthority => (SIGNER_AUTHORITIES as readonly string[]).includes(v ?? '');
const isPurpose = (v: string | null): v is CcPurpose => (CC_PURPOSES as readonly string[]).includes(v ?? '');

export function formFromDirective(d: Directive): DraftForm {
  return {
    issuerParent: d.issuerParent ?? '',
    issuer: d.issuer,
    docType: d.docType,
    symbol: d.symbol,
    place: d.place ?? '',
    subject: d.subject,
    urgency: isUrgency(d.urgency) ? d.urgency : '',
    public: d.public,
    opening: blocksToText(d.body.opening),
    sections: d.body.sections.map((s) => ({
      key: newKey(),
      number: s.number ?? '',
      heading: s.heading ? runsToText(s.heading) : '',
      text: blocksToText(s.blocks),
      addressees: s.addressees,
    })),
    closing: blocksToText(d.body.closing),
    addressees: d.addressees.join('\n'),
    recipientUnits: d.recipients.units,
    recipientGroups: d.recipients.groups,
    cc: d.cc.map((c) => ({ key: newKey(), name: c.name, purpose: isPurpose(c.purpose) ? c.purpose : '' })),
    archive: d.archive.join(', '),
    signerAuthority: isAuthority(d.signer.authority) ? d.signer.authority : '',
    signerPosition: d.signer.position ?? '',
    signerTitle: d.signer.title ?? '',
    signerName: d.signer.name ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);
export const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

export function formBody(f: DraftForm): DirectiveBody {
  return {
    opening: textToBlocks(f.opening),
    sections: f.sections
      .filter((s) => s.number.trim() || s.heading.trim() || s.text.trim() || s.addressees.length)
      .map((s) => ({
        number: orNull(s.number),
        heading: s.heading.trim() ? parseRuns(s.heading.trim()) : null,
        addressees: s.addressees,
        blocks: textToBlocks(s.text),
      })),
    closing: textToBlocks(f.closing),
  };
}

export function formCc(f: DraftForm): CcEntry[] {
  return f.cc.filter((c) => c.name.trim()).map((c) => ({ name: c.name.trim(), purpose: c.purpose || null }));
}

export function formArchive(f: DraftForm): string[] {
  return f.archive
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The API input (the same for POST and PATCH; POST adds issuerUnitId). */
export function formToInput(f: DraftForm): DirectiveInput {
  return {
    issuerParent: orNull(f.issuerParent),
    ...(f.issuer.trim() ? { issuer: f.issuer.trim() } : {}),
    docType: f.docType,
    symbol: f.symbol.trim(),
    place: orNull(f.place),
    subject: f.subject.trim(),
    urgency: f.urgency || null,
    public: f.public,
    body: formBody(f),
    addressees: lines(f.addressees),
    recipients: { units: f.recipientUnits, groups: f.recipientGroups },
    cc: formCc(f),
    archive: formArchive(f),
    signer: {
      authority: f.signerAuthority || null,
      position: orNull(f.signerPosition),
      title: orNull(f.signerTitle),
      name: orNull(f.signerName),
    },
  };
}

export interface FormProblem {
  field: keyof DraftForm;
  key: 'needSubject' | 'needSymbol' | 'badSymbol' | 'symbolPrefix' | 'needRecipients';
  params?: { type: string };
}

/** The message of a problem in the user's language. */
export function problemText(S: DirectiveStrings, p: FormProblem): string {
  return p.key === 'symbolPrefix' ? S.symbolPrefix({ type: p.params?.type ?? '' }) : S[p.key];
}

const SYMBOL = /^[\p{L}\p{N}&.]+(?:[-/][\p{L}\p{N}&.]+)*$/u;

/** What the server would reject, said before sending (the server checks again). */
export function validateForm(f: DraftForm, forSubmit = false): FormProblem[] {
  const out: FormProblem[] = [];
  const symbol = f.symbol.trim();
  if (!f.subject.trim()) out.push({ field: 'subject', key: 'needSubject' });
  if (!symbol) out.push({ field: 'symbol', key: 'needSymbol' });
  else if (!SYMBOL.test(symbol)) out.push({ field: 'symbol', key: 'badSymbol' });
  else if (f.docType !== 'CV' && symbol.split('-')[0] !== f.docType) out.push({ field: 'symbol', key: 'symbolPrefix', params: { type: f.docType } });
  if (forSubmit && f.recipientUnits.length + f.recipientGroups.length === 0) out.push({ field: 'recipientUnits', key: 'needRecipients' });
  return out;
}

// ---------------------------------------------------------------------------
// Defaults from the drafter's unit.

const ADMIN_PREFIX = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/u;

/** "Huyện Tam Đường" → "Tam Đường" (the place name of the date line), null for an organisation. */
export function placeName(unitName: string): string | null {
  return ADMIN_PREFIX.test(unitName) ? unitName.replace(ADMIN_PREFIX, '').trim() : null;
}

/**
 * "Sở Y tế tỉnh Lai Châu" under "Tỉnh Lai Châu" → "Sở Y tế": the parent body's line names the
 * province already (Decree 30 letterhead: "UBND TỈNH LAI CHÂU" / "SỞ Y TẾ").
 */
function withoutPlaceTail(name: string, adminName: string): string {
  const tail = ` ${adminName.charAt(0).toLocaleLowerCase('vi')}${adminName.slice(1)}`.normalize('NFC');
  const own = name.normalize('NFC');
  return own.length > tail.length && own.endsWith(tail) ? own.slice(0, -tail.length).trim() : name;
}

/**
 * Issuing body, its parent body and the place, guessed from the unit and its ancestors
 * (root first): an office of a district is "UBND HUYỆN …" / its own name / the district's place.
 */
export function issuerDefaults(unitName: string, ancestors: readonly { name: string }[]): Pick<DraftForm, 'issuerParent' | 'issuer' | 'place'> {
  const own = placeName(unitName);
  if (own) return { issuerParent: '', issuer: `UBND ${unitName}`, place: own };
  const admin = [...ancestors].reverse().find((a) => placeName(a.name));
  return {
    issuerParent: admin ? `UBND ${admin.name}` : '',
    issuer: admin ? withoutPlaceTail(unitName, admin.name) : unitName,
    place: admin ? (placeName(admin.name) ?? '') : '',
  };
}
