// Delivery receipts (SMPP 3.4 Appendix B text "id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…",
// plus the receipted_message_id / message_state TLVs) and the classification of command_status values.
import type { DeliveryState } from './port.ts';

export const STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RINVSYSID: 0x0f,
  ESME_RMSGQFUL: 0x14,
  ESME_RSUBMITFAIL: 0x45,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_T_APPN: 0x64,
  ESME_RX_P_APPN: 0x65,
  ESME_RX_R_APPN: 0x66,
} as const;

/** Responses that say "not now": nothing was accepted, the same PDU may be sent again later. */
const TEMPORARY = new Set<number>([STATUS.ESME_RTHROTTLED, STATUS.ESME_RMSGQFUL, STATUS.ESME_RSYSERR, STATUS.ESME_RX_T_APPN, STATUS.ESME_RINVBNDSTS]);

export function isTemporaryStatus(status: number): boolean {
  return TEMPORARY.has(status);
}

/** Throttling answers the client backs off on (and then resends itself: they are refusals, not ambiguity). */
export function isThrottleStatus(status: number): boolean {
  return status === STATUS.ESME_RTHROTTLED || status === STATUS.ESME_RMSGQFUL;
}

export function statusName(status: number): string {
  const name = Object.entries(STATUS).find(([, v]) => v === status)?.[0];
  return `${name ?? 'ESME'} (0x${status.toString(16).padStart(8, '0')})`;
}

/**
 * The forms one message id may take: SMSCs commonly answer submit_sm with a hex id and put the decimal value in the
 * receipt (or the reverse). Lower-case, leading zeros dropped, so two forms of the same id share one entry.
 */
export function messageIdForms(id: string): string[] {
  const s = id.trim().toLowerCase();
  const forms = new Set<string>([s]);
  const bare = s.replace(/^0+(?=.)/, '');
  forms.add(bare);
  if (/^[0-9]+$/.test(bare) && bare.length <= 30) forms.add(BigInt(bare).toString(16));
  if (/^[0-9a-f]+$/.test(bare) && bare.length <= 24) forms.add(BigInt(`0x${bare}`).toString(10));
  return [...forms];
}

const STAT_STATE: Record<string, DeliveryState> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'failed',
  UNDELIV: 'failed',
  ACCEPTD: 'accepted',
  ENROUTE: 'accepted',
  UNKNOWN: 'unknown',
  REJECTD: 'rejected',
};
/** message_state TLV values (SMPP 3.4 §5.2.28) by their stat names. */
const MESSAGE_STATE = ['', 'ENROUTE', 'DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD'];

export interface ParsedReceipt {
  id: string;
  stat: string;
  state: DeliveryState;
  errorCode: string | null;
  doneAt: string | null;
}

/** Parses a receipt from its text and/or TLVs; null when it carries no id. */
export function parseReceipt(text: string, tlv: { receiptedMessageId?: unknown; messageState?: unknown } = {}): ParsedReceipt | null {
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`, 'i').exec(text)?.[1] ?? null;
  const id = typeof tlv.receiptedMessageId === 'string' && tlv.receiptedMessageId ? tlv.receiptedMessageId : field('id');
  if (!id) return null;
  let stat = field('stat')?.toUpperCase() ?? null;
  if (!stat && typeof tlv.messageState === 'number') stat = MESSAGE_STATE[tlv.messageState] ?? null;
  stat ??= 'UNKNOWN';
  return { id, stat, state: STAT_STATE[stat] ?? 'unknown', errorCode: field('err'), doneAt: field('done date') };
}

/** The receipt text an SMSC sends (also used by the simulator). */
export function formatReceipt(r: { id: string; stat: string; err: string; submitted: Date; done: Date; text: string }): string {
  const d = (t: Date) => t.toISOString().replace(/\D/g, '').slice(2, 12);
  return `id:${r.id} sub:001 dlvrd:${r.stat === 'DELIVRD' ? '001' : '000'} submit date:${d(r.submitted)} done date:${d(r.done)} stat:${r.stat} err:${r.err} text:${r.text.slice(0, 20)}`;
}
