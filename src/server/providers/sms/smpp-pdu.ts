// submit_sm bodies for one message: parts from shared/sms/segments.ts, octets from shared/sms/gsm7.ts, and the
// concatenation UDH (05 00 03 ref total seq, esm_class 0x40). GSM-7 goes unpacked with data_coding 0x00, UCS-2 as
// UTF-16BE with data_coding 0x08 (docs/sms.md says why).
import { decodeGsm7, decodeUcs2, encodeGsm7, encodeUcs2 } from '../../../shared/sms/gsm7.ts';
import { SMS_LIMITS, segment } from '../../../shared/sms/segments.ts';
import type { SmsEncoding } from '../../../shared/sms/segments.ts';
import type { PDU } from 'smpp';
import type { SmsSubmit } from './port.ts';

export const ESM_CLASS_UDHI = 0x40;
export const ESM_CLASS_RECEIPT = 0x04;
export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;

export interface SubmitBody {
  esm_class: number;
  data_coding: number;
  short_message: Buffer;
}

/** An 8-bit concatenation reference from the caller's message reference (same message → same reference). */
export function concatReference(reference: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < reference.length; i++) h = Math.imul(h ^ reference.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0xff;
}

/** The parts and encoding of a message: its own when given, else segment(text). */
export function partsOf(message: SmsSubmit): { parts: string[]; encoding: SmsEncoding } {
  if (message.parts?.length) return { parts: message.parts, encoding: message.encoding ?? segment(message.parts.join('')).encoding };
  const s = segment(message.text);
  return { parts: s.partsText.length ? s.partsText : [''], encoding: s.encoding };
}

export function submitBodies(message: SmsSubmit): SubmitBody[] {
  const { parts, encoding } = partsOf(message);
  const encode = encoding === 'gsm7' ? encodeGsm7 : encodeUcs2;
  const ref = concatReference(message.reference);
  const max = parts.length === 1 ? SMS_LIMITS[encoding].single : SMS_LIMITS[encoding].part;
  return parts.map((text, i) => {
    const payload = Buffer.from(encode(text));
    const units = encoding === 'gsm7' ? payload.length : payload.length / 2;
    if (units > max) throw new RangeError(`part ${i + 1} has ${units} ${encoding === 'gsm7' ? 'septets' : 'UCS-2 units'}, more than ${max}`);
    if (parts.length === 1) return { esm_class: 0, data_coding: DATA_CODING[encoding], short_message: payload };
    const udh = Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]);
    return { esm_class: ESM_CLASS_UDHI, data_coding: DATA_CODING[encoding], short_message: Buffer.concat([udh, payload]) };
  });
}

export interface DecodedShortMessage {
  /** The UDH octets including its length octet, or null. */
  udh: number[] | null;
  concat: { ref: number; total: number; seq: number } | null;
  text: string;
}

/**
 * Decodes a short_message the `smpp` package has already decoded into { udh: Buffer[], message: string } (its
 * filter runs on every received PDU) or left as octets.
 */
export function decodeShortMessage(value: unknown, dataCoding: number, esmClass: number): DecodedShortMessage {
  if (Buffer.isBuffer(value)) {
    let udh: number[] | null = null;
    let body = value;
    if (esmClass & ESM_CLASS_UDHI && value.length > 0) {
      udh = [...value.subarray(0, value[0]! + 1)];
      body = value.subarray(value[0]! + 1);
    }
    const text = (dataCoding & 0x0f) === DATA_CODING.ucs2 ? decodeUcs2(body) : decodeGsm7(body);
    return { udh, concat: concatOf(udh), text };
  }
  const v = (value ?? {}) as { udh?: Buffer[]; message?: unknown };
  const text = typeof v.message === 'string' ? v.message : Buffer.isBuffer(v.message) ? v.message.toString('latin1') : '';
  if (!v.udh?.length) return { udh: null, concat: null, text };
  const ies = v.udh.flatMap((b) => [...b]);
  const udh = [ies.length, ...ies];
  return { udh, concat: concatOf(udh), text };
}

function concatOf(udh: number[] | null): DecodedShortMessage['concat'] {
  if (!udh) return null;
  for (let i = 1; i + 1 < udh.length; i += 2 + udh[i + 1]!) {
    if (udh[i] === 0x00 && udh[i + 1] === 3) return { ref: udh[i + 2]!, total: udh[i + 3]!, seq: udh[i + 4]! };
    if (udh[i] === 0x08 && udh[i + 1] === 4) return { ref: (udh[i + 2]! << 8) | udh[i + 3]!, total: udh[i + 4]!, seq: udh[i + 5]! };
  }
  return null;
}

/** Address type of a sender: a brandname is alphanumeric (TON 5, NPI 0), a long number international, else a short code. */
export function sourceAddressType(from: string): { ton: number; npi: number } {
  if (/[A-Za-z]/.test(from)) return { ton: 5, npi: 0 };
  if (from.replace(/^\+/, '').length > 8) return { ton: 1, npi: 1 };
  return { ton: 3, npi: 0 };
}

/** A string parameter of a decoded PDU ('' when absent). */
export function textField(pdu: PDU, key: string): string {
  const v = pdu[key];
  return typeof v === 'string' ? v : '';
}
