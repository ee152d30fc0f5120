// The SMS provider port: what the SMS channel needs from a telco link, whatever the protocol (SMPP here; an HTTP
// brandname gateway could implement the same). Outcomes are classified so the caller knows whether a retry is safe.
import type { SmsEncoding } from '../../../shared/sms/segments.ts';

export interface SmsSubmit {
  /** Destination MSISDN (the caller normalises it, e.g. 84912345678). */
  to: string;
  /** Brandname (alphanumeric) or short code. */
  from: string;
  /** The text; split with shared/sms/segments.ts unless `parts` is given. */
  text: string;
  /** Pre-split parts (from segment().partsText) with their encoding. */
  parts?: string[];
  encoding?: SmsEncoding;
  /** Ask for a delivery receipt (registered_delivery = 1). Default true. */
  registeredDelivery?: boolean;
  /** The caller's id of this message (delivery record id): logs and the concatenation reference derive from it. */
  reference: string;
  /** Which account (telco link) sends it; default the provider's first. */
  account?: string;
}

export type TemporaryReason = 'throttled' | 'queue_full' | 'timeout' | 'connection_lost' | 'closed';

/** Why a submit did not end with an id. Only `temporary` with no accepted part is safe to retry as a whole. */
export type SubmitError =
  | { kind: 'temporary'; reason: TemporaryReason; commandStatus?: number; acceptedPartIds: string[]; message: string }
  | { kind: 'permanent'; reason: 'rejected'; commandStatus: number; acceptedPartIds: string[]; message: string }
  | {
      /** The submit_sm was written but never answered: the SMSC may or may not have it. Never resend blindly. */
      kind: 'ambiguous';
      reason: 'response_timeout' | 'connection_lost';
      acceptedPartIds: string[];
      message: string;
    };

export type SubmitResult = { ok: true; messageId: string; partIds: string[]; parts: number; bind: string } | { ok: false; error: SubmitError; bind: string | null };

export type DeliveryState = 'delivered' | 'failed' | 'expired' | 'rejected' | 'accepted' | 'unknown';

export interface DeliveryReceipt {
  /** The id as the submit_sm_resp gave it when this process submitted it, else the receipt's own id. */
  messageId: string;
  /** Every form the id may have been given in (as received, hex↔decimal) to match stored ids. */
  idForms: string[];
  state: DeliveryState;
  /** The receipt's stat field (DELIVRD, UNDELIV, EXPIRED, REJECTD, ...). */
  stat: string;
  /** The receipt's err field (network specific), null when absent. */
  errorCode: string | null;
  /** The original message's sender and destination (the receipt's destination_addr and source_addr). */
  from: string;
  to: string;
  doneAt: string | null;
  account: string;
}

export interface MoMessage {
  from: string;
  to: string;
  text: string;
  account: string;
  receivedAt: Date;
}

/**
 * A listener may return a promise: the SMSC's deliver_sm is answered once it settles, so a receipt is acknowledged
 * only after what it settles is committed (a process that dies first never answers and the SMSC delivers it again).
 * Resolving 'retry' (nothing to settle yet) or rejecting answers ESME_RX_T_APPN: the SMSC keeps it and tries later.
 */
export type ListenerAnswer = 'done' | 'retry' | void;

export interface SmsProviderEvents {
  receipt: (r: DeliveryReceipt) => unknown;
  mo: (m: MoMessage) => unknown;
}

export interface SmsProvider {
  submit(message: SmsSubmit): Promise<SubmitResult>;
  on<E extends keyof SmsProviderEvents>(event: E, listener: SmsProviderEvents[E]): () => void;
  close(): Promise<void>;
}

/** A tiny typed listener list for providers. */
export function createListeners(): {
  on: SmsProvider['on'];
  /** Calls every listener; returns what they returned (promises for asynchronous ones). */
  emit: <E extends keyof SmsProviderEvents>(event: E, ...args: Parameters<SmsProviderEvents[E]>) => unknown[];
} {
  const lists: { [E in keyof SmsProviderEvents]: Set<SmsProviderEvents[E]> } = { receipt: new Set(), mo: new Set() };
  return {
    on(event, listener) {
      const set = lists[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event, ...args) {
      return [...lists[event]].map((l) => (l as (...a: typeof args) => unknown)(...args));
    },
  };
}
