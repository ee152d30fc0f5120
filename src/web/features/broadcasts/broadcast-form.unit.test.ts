import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formToInput, toLocalInput } from './broadcast-form.ts';
import { broadcastStrings } from './strings.ts';

const S = broadcastStrings('vi');
const UNIT = '0b8f3c9e-1f2a-4c5d-8e7f-123456789abc';

describe('broadcast compose form', () => {
  it('asks for a title, a text and an audience', () => {
    expect(checkForm(emptyForm(), S)).toEqual({ title: S.needTitle, smsText: S.needText, audience: S.needAudience });
    expect(checkForm({ ...emptyForm(), title: 'Họp dân', smsText: 'Họp dân 19h', unitIds: [UNIT] }, S)).toEqual({});
  });

  it('checks the sender name with the shared brandname rule (no diacritics, at most 11 characters)', () => {
    const base = { ...emptyForm(), title: 'x', smsText: 'y', unitIds: [UNIT] };
    expect(checkForm({ ...base, senderName: 'UBND XA' }, S)).toEqual({});
    expect(checkForm({ ...base, senderName: 'UBND Xã' }, S).senderName).toMatch(/không được có dấu/);
    expect(checkForm({ ...base, senderName: 'UBNDTAMDUONGX' }, S).senderName).toMatch(/tối đa 11/);
  });

  it('sends trimmed texts, an empty sender name and schedule as null, the schedule as an ISO instant', () => {
    const input = formToInput({ ...emptyForm(), title: '  Cắt điện ', smsText: ' Nội dung ', unitIds: [UNIT], senderName: ' ' });
    expect(input).toEqual({
      title: 'Cắt điện',
      priority: 'thuong',
      smsText: 'Nội dung',
      unaccented: false,
      senderName: null,
      audience: { unitIds: [UNIT], listIds: [] },
      scheduleAt: null,
      windowStart: null,
      windowEnd: null,
    });
    const at = formToInput({ ...emptyForm(), scheduleAt: '2026-12-02T07:30' }).scheduleAt!;
    expect(new Date(at).getTime()).toBe(new Date('2026-12-02T07:30').getTime());
    expect(toLocalInput(at)).toBe('2026-12-02T07:30');
    expect(toLocalInput(null)).toBe('');
  });

  it('takes a send window with both ends, the start first', () => {
    const base = { ...emptyForm(), title: 'x', smsText: 'y', unitIds: [UNIT] };
    expect(checkForm({ ...base, windowStart: '07:00', windowEnd: '21:00' }, S)).toEqual({});
    expect(checkForm({ ...base, windowStart: '07:00' }, S).window).toBe(S.needWindow);
    expect(checkForm({ ...base, windowStart: '21:00', windowEnd: '07:00' }, S).window).toBe(S.needWindow);
    expect(formToInput({ ...base, windowStart: '07:00', windowEnd: '21:00' })).toMatchObject({ windowStart: '07:00', windowEnd: '21:00' });
  });
});
