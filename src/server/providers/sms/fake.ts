// In-memory SMS provider for unit tests of the SMS channel: accepts every submit (or follows a script), assigns
// sequential ids, and lets the test deliver receipts and MO messages by hand.
import { segment } from '../../../shared/sms/segments.ts';
import { createListeners } from './port.ts';
import type { DeliveryReceipt, SmsProvider, SmsSubmit, SubmitError, SubmitResult } from './port.ts';

export interface FakeSmsProvider extends SmsProvider {
  readonly sent: Array<SmsSubmit & { messageId: string; partIds: string[] }>;
  /** The next submits fail with these errors, in order. */
  failNext(...errors: SubmitError[]): void;
  deliver(messageId: string, state?: DeliveryReceipt['state'], errorCode?: string | null): void;
  receiveMo(from: string, text: string, to?: string): void;
  readonly closed: boolean;
}

export function createFakeSmsProvider(account = 'fake'): FakeSmsProvider {
  const listeners = createListeners();
  const sent: FakeSmsProvider['sent'] = [];
  const failures: SubmitError[] = [];
  const byId = new Map<string, SmsSubmit>();
  let nextId = 1;
  let closed = false;
  return {
    sent,
    get closed() {
      return closed;
    },
    on: listeners.on,
    failNext(...errors) {
      failures.push(...errors);
    },
    async submit(message): Promise<SubmitResult> {
      if (closed) return { ok: false, bind: null, error: { kind: 'temporary', reason: 'closed', acceptedPartIds: [], message: 'provider closed' } };
      const failure = failures.shift();
      if (failure) return { ok: false, bind: 'fake', error: failure };
      const parts = message.parts ?? segment(message.text).partsText;
      const partIds = parts.map(() => (nextId++).toString(16));
      const messageId = partIds[0] ?? (nextId++).toString(16);
      sent.push({ ...message, messageId, partIds });
      byId.set(messageId, message);
      return { ok: true, messageId, partIds, parts: parts.length, bind: 'fake' };
    },
    deliver(messageId, state = 'delivered', errorCode = null) {
      const m = byId.get(messageId);
      const stat = { delivered: 'DELIVRD', failed: 'UNDELIV', expired: 'EXPIRED', rejected: 'REJECTD', accepted: 'ACCEPTD', unknown: 'UNKNOWN' }[state];
      listeners.emit('receipt', { messageId, idForms: [messageId], state, stat, errorCode, from: m?.from ?? '', to: m?.to ?? '', doneAt: null, account });
    },
    receiveMo(from, text, to = '') {
      listeners.emit('mo', { from, to, text, account, receivedAt: new Date() });
    },
    async close() {
      closed = true;
    },
  };
}
