// The composer's live SMS counter: what the text costs as it is typed (characters, encoding, parts per
// recipient, total parts for the audience), what the unaccented ("bỏ dấu") rendition would save, and
// whether the text needs more parts than the campaign allows. Pure: the segmentation is the shared one
// the server sends with (src/shared/sms/segments.ts), so the counter and the SMSC agree.
import { gsm7Septets } from '../../../shared/sms/gsm7.ts';
import { unaccented, type Segmentation, type SmsEncoding } from '../../../shared/sms/segments.ts';
import { BROADCAST_LIMITS } from '../../../shared/contracts/broadcasts.ts';

/** Parts a campaign may use per recipient (the shared contract's limit, which the server enforces too). */
export const DEFAULT_MAX_PARTS = BROADCAST_LIMITS.maxParts;

export interface CounterInput {
  text: string;
  /** Send the unaccented rendition instead of the text as typed. */
  unaccented: boolean;
  /** Recipients of the audience, or null while unknown (the preview is not computed yet). */
  recipients: number | null;
  maxParts?: number;
}

export interface CounterModel {
  /** What would be sent (the NFC text, or its unaccented rendition). */
  textToSend: string;
  characters: number;
  encoding: SmsEncoding;
  parts: number;
  /** Room left in the last part before one more is needed, in units of the encoding (septets or UTF-16 code units). */
  unitsLeft: number;
  /** Parts × recipients, or null while the audience is unknown. */
  totalParts: number | null;
  maxParts: number;
  overMaxParts: boolean;
  /** The other rendition (toggle the "bỏ dấu" switch): its parts and encoding. */
  alternative: { unaccented: boolean; parts: number; encoding: SmsEncoding };
  /** Parts the unaccented rendition saves per recipient (0 when it saves nothing), and for the whole audience. */
  savedParts: number;
  savedTotal: number | null;
}

/** Units the last part still holds (the whole capacity for the empty text). */
function unitsLeft(s: Segmentation): number {
  const last = s.partsText[s.parts - 1];
  if (last === undefined) return s.perPart;
  let used = 0;
  for (const ch of last) used += s.encoding === 'gsm7' ? (gsm7Septets(ch) ?? 1) : ch.length;
  return s.perPart - used;
}

export function countSms(input: CounterInput): CounterModel {
  const maxParts = input.maxParts ?? DEFAULT_MAX_PARTS;
  const u = unaccented(input.text, { maxParts });
  const sent = input.unaccented ? u.after : u.before;
  const other = input.unaccented ? u.before : u.after;
  const savedParts = Math.max(0, u.savedParts);
  const recipients = input.recipients;
  return {
    textToSend: sent.text,
    characters: sent.characters,
    encoding: sent.encoding,
    parts: sent.parts,
    unitsLeft: unitsLeft(sent),
    totalParts: recipients === null ? null : sent.parts * recipients,
    maxParts,
    overMaxParts: sent.parts > maxParts,
    alternative: { unaccented: !input.unaccented, parts: other.parts, encoding: other.encoding },
    savedParts,
    savedTotal: recipients === null ? null : savedParts * recipients,
  };
}
