import { describe, expect, it } from 'vitest';
import { createFakeSmsProvider } from './fake.ts';
import { createBackoff, createTokenBucket } from './flow.ts';
import type { DeliveryReceipt } from './port.ts';
import { formatReceipt, isTemporaryStatus, isThrottleStatus, messageIdForms, parseReceipt, statusName } from './receipt.ts';
import { concatReference, decodeShortMessage, sourceAddressType, submitBodies } from './smpp-pdu.ts';

describe('delivery receipts', () => {
  it('parses the SMPP 3.4 Appendix B text', () => {
    const text = 'id:0A1B2C sub:001 dlvrd:001 submit date:2608150700 done date:2608150701 stat:DELIVRD err:000 text:Hop dan luc 19h';
    expect(parseReceipt(text)).toEqual({ id: '0A1B2C', stat: 'DELIVRD', state: 'delivered', errorCode: '000', doneAt: '2608150701' });
    expect(parseReceipt('id:7 stat:UNDELIV err:001')).toMatchObject({ state: 'failed', errorCode: '001' });
    expect(parseReceipt('id:7 stat:EXPIRED err:000')?.state).toBe('expired');
    expect(parseReceipt('id:7 stat:REJECTD err:00b')?.state).toBe('rejected');
    expect(parseReceipt('no id here')).toBeNull();
  });

  it('prefers the receipted_message_id and message_state TLVs', () => {
    expect(parseReceipt('', { receiptedMessageId: 'ff', messageState: 5 })).toMatchObject({ id: 'ff', stat: 'UNDELIV', state: 'failed' });
  });

  it('gives every hex/decimal form of an id, so either side matches', () => {
    expect(messageIdForms('0A1B2C')).toEqual(expect.arrayContaining(['0a1b2c', 'a1b2c', String(0xa1b2c)]));
    expect(messageIdForms(String(0xa1b2c))).toContain('a1b2c');
    expect(messageIdForms('abc-123')).toEqual(['abc-123']);
  });

  it('formats what parseReceipt reads', () => {
    const text = formatReceipt({ id: '42', stat: 'DELIVRD', err: '000', submitted: new Date('2026-08-15T07:00:00Z'), done: new Date('2026-08-15T07:01:00Z'), text: 'x' });
    expect(parseReceipt(text)).toMatchObject({ id: '42', state: 'delivered', doneAt: '2608150701' });
  });

  it('classifies command_status values', () => {
    expect(isThrottleStatus(0x58) && isThrottleStatus(0x14)).toBe(true);
    expect(isTemporaryStatus(0x58) && isTemporaryStatus(0x08)).toBe(true);
    expect(isTemporaryStatus(0x45) || isTemporaryStatus(0x0b)).toBe(false);
    expect(statusName(0x58)).toBe('ESME_RTHROTTLED (0x00000058)');
  });
});

describe('flow control', () => {
  it('token bucket: the cap holds, bursts stay small', () => {
    const b = createTokenBucket(100, 10, 0);
    let taken = 0;
    for (let t = 0; t <= 3000; t++) while (b.take(t) === 0) taken++;
    expect(taken).toBeGreaterThanOrEqual(300);
    expect(taken).toBeLessThanOrEqual(311);
    expect(createTokenBucket(0).take(0)).toBe(0);
    const c = createTokenBucket(10, 1, 0);
    expect(c.take(0)).toBe(0);
    expect(c.take(0)).toBe(100);
  });

  it('backoff doubles up to the maximum, with jitter in [0.5, 1)', () => {
    const b = createBackoff(100, 1000, () => 0.999);
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000]);
    b.reset();
    expect(createBackoff(100, 1000, () => 0).next()).toBe(50);
  });
});

describe('submit_sm bodies', () => {
  it('adds the concatenation UDH and data_coding per part', () => {
    const bodies = submitBodies({ to: '84912345678', from: 'UBND', text: 'ư'.repeat(100), reference: 'r1' });
    expect(bodies).toHaveLength(2);
    const ref = concatReference('r1');
    expect([...bodies[0]!.short_message.subarray(0, 6)]).toEqual([5, 0, 3, ref, 2, 1]);
    expect(bodies.map((b) => [b.esm_class, b.data_coding, b.short_message.length])).toEqual([
      [0x40, 8, 6 + 134],
      [0x40, 8, 6 + 66],
    ]);
    const single = submitBodies({ to: '1', from: 'UBND', text: 'Hop {luc} 8h', reference: 'r2' });
    expect(single).toMatchObject([{ esm_class: 0, data_coding: 0 }]);
    expect(decodeShortMessage(single[0]!.short_message, 0, 0)).toEqual({ udh: null, concat: null, text: 'Hop {luc} 8h' });
    expect(decodeShortMessage(bodies[1]!.short_message, 8, 0x40)).toMatchObject({ concat: { ref, total: 2, seq: 2 }, text: 'ư'.repeat(33) });
  });

  it('refuses parts that do not fit or cannot be encoded', () => {
    expect(() => submitBodies({ to: '1', from: 'U', text: '', parts: ['a'.repeat(154), 'b'], encoding: 'gsm7', reference: 'r' })).toThrow(/more than 153/);
    expect(() => submitBodies({ to: '1', from: 'U', text: '', parts: ['ư'], encoding: 'gsm7', reference: 'r' })).toThrow(RangeError);
    expect(submitBodies({ to: '1', from: 'U', text: '', parts: ['a'.repeat(160)], encoding: 'gsm7', reference: 'r' })).toHaveLength(1);
  });

  it('chooses the source address type', () => {
    expect(sourceAddressType('UBND XA')).toEqual({ ton: 5, npi: 0 });
    expect(sourceAddressType('84912345678')).toEqual({ ton: 1, npi: 1 });
    expect(sourceAddressType('1022')).toEqual({ ton: 3, npi: 0 });
  });
});

describe('fake provider', () => {
  it('records submits, scripts failures and emits receipts and MO messages', async () => {
    const p = createFakeSmsProvider();
    const receipts: DeliveryReceipt[] = [];
    const mos: string[] = [];
    p.on('receipt', (r) => receipts.push(r));
    const off = p.on('mo', (m) => mos.push(m.text));
    const r = await p.submit({ to: '84912345678', from: 'UBND', text: 'ư'.repeat(100), reference: 'a' });
    expect(r).toMatchObject({ ok: true, parts: 2 });
    p.failNext({ kind: 'temporary', reason: 'throttled', acceptedPartIds: [], message: 'x' });
    expect(await p.submit({ to: '1', from: 'UBND', text: 'x', reference: 'b' })).toMatchObject({ ok: false, error: { reason: 'throttled' } });
    if (r.ok) p.deliver(r.messageId, 'failed', '001');
    expect(receipts).toMatchObject([{ state: 'failed', stat: 'UNDELIV', errorCode: '001', to: '84912345678', from: 'UBND' }]);
    p.receiveMo('84912345678', 'TU CHOI');
    off();
    p.receiveMo('84912345678', 'again');
    expect(mos).toEqual(['TU CHOI']);
    await p.close();
    expect(await p.submit({ to: '1', from: 'UBND', text: 'x', reference: 'c' })).toMatchObject({ ok: false, error: { reason: 'closed' } });
  });
});
