import { describe, expect, it } from 'vitest';
import { loadEnv, parseSmppAccounts } from '../../env.ts';
import type { SubmitResult } from '../../providers/sms/port.ts';
import { afterQuietHours, fromMsisdn, isOptOutKeyword, localDay, messageKey, sendAt, toMsisdn } from './sending.rules.ts';
import { outcomeOf } from './sending.service.ts';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('quiet hours and the local day (Asia/Ho_Chi_Minh)', () => {
  it('moves 22:00–07:00 to 07:00, keeps the day time as it is', () => {
    expect(afterQuietHours(vn('2021-02-03T10:00:00'))).toEqual(vn('2021-02-03T10:00:00'));
    expect(afterQuietHours(vn('2021-02-03T21:59:59'))).toEqual(vn('2021-02-03T21:59:59'));
    expect(afterQuietHours(vn('2021-02-03T22:00:00'))).toEqual(vn('2021-02-04T07:00:00'));
    expect(afterQuietHours(vn('2021-02-28T23:30:00'))).toEqual(vn('2021-03-01T07:00:00'));
    expect(afterQuietHours(vn('2021-02-04T03:00:00'))).toEqual(vn('2021-02-04T07:00:00'));
    expect(afterQuietHours(vn('2021-02-04T07:00:00'))).toEqual(vn('2021-02-04T07:00:00'));
  });

  it('khẩn cấp goes at once, at night too; a schedule in the future is kept, one in the past is now', () => {
    const night = vn('2021-02-03T23:00:00');
    expect(sendAt(night, null, 'khan_cap')).toEqual(night);
    expect(sendAt(night, null, 'uu_tien')).toEqual(vn('2021-02-04T07:00:00'));
    expect(sendAt(vn('2021-02-03T10:00:00'), vn('2021-02-03T15:00:00'), 'thuong')).toEqual(vn('2021-02-03T15:00:00'));
    expect(sendAt(vn('2021-02-03T10:00:00'), vn('2021-02-03T09:00:00'), 'thuong')).toEqual(vn('2021-02-03T10:00:00'));
    expect(localDay(vn('2021-02-03T23:59:00'))).toBe('2021-02-03');
    expect(localDay(vn('2021-02-04T00:01:00'))).toBe('2021-02-04');
  });
});

describe('opt-out keywords, numbers and message ids', () => {
  it('recognises TU CHOI / TUCHOI / HUY / STOP whatever the accents, case and spacing', () => {
    for (const t of ['TU CHOI', 'tu choi', 'Từ chối', ' TUCHOI ', 'Hủy', 'HUY DK', 'stop', 'STOP.']) expect(isOptOutKeyword(t), t).toBe(true);
    for (const t of ['Cảm ơn', 'HUYEN', 'STOPPED', 'Tôi không từ chối', '']) expect(isOptOutKeyword(t), t).toBe(false);
  });

  it('converts between 0xxxxxxxxx and 84xxxxxxxxx; keys ids in lower case without leading zeros', () => {
    expect(toMsisdn('0912345678')).toBe('84912345678');
    expect(fromMsisdn('84912345678')).toBe('0912345678');
    expect(fromMsisdn('+84912345678')).toBe('0912345678');
    expect(fromMsisdn('8088')).toBeNull();
    expect(messageKey(' 00AB12 ')).toBe('ab12');
    expect(messageKey('0')).toBe('0');
  });
});

describe('submit outcomes', () => {
  const err = (e: Extract<SubmitResult, { ok: false }>['error']): SubmitResult => ({ ok: false, error: e, bind: 'sim#1' });
  it('accepted → submitted; temporary with nothing sent → queued again; partly sent or unanswered → ambiguous; refused → rejected', () => {
    expect(outcomeOf('d', { ok: true, messageId: '0A1', partIds: ['0A1'], parts: 1, bind: 'sim#1' })).toMatchObject({ state: 'submitted', messageKey: 'a1' });
    expect(outcomeOf('d', err({ kind: 'temporary', reason: 'throttled', acceptedPartIds: [], message: 'throttled' })).state).toBe('queued');
    expect(outcomeOf('d', err({ kind: 'temporary', reason: 'connection_lost', acceptedPartIds: ['7'], message: 'lost' })).state).toBe('ambiguous');
    expect(outcomeOf('d', err({ kind: 'ambiguous', reason: 'response_timeout', acceptedPartIds: [], message: 'no answer' })).state).toBe('ambiguous');
    expect(outcomeOf('d', err({ kind: 'permanent', reason: 'rejected', commandStatus: 0x45, acceptedPartIds: [], message: 'submit failed' }))).toMatchObject({
      state: 'rejected',
      error: expect.stringContaining('0x00000045') as string,
    });
  });
});

describe('SMS_SMPP', () => {
  it('reads comma-separated smpp:// accounts with their settings', () => {
    expect(parseSmppAccounts('smpp://loa:p%40ss@10.0.0.5:2775?name=viettel-1&binds=2&window=20&tps=100, smpp://u:v@smsc.local')).toEqual({
      accounts: [
        { name: 'viettel-1', host: '10.0.0.5', port: 2775, systemId: 'loa', password: 'p@ss', binds: 2, window: 20, maxPerSecond: 100 },
        { name: 'u@smsc.local', host: 'smsc.local', port: 2775, systemId: 'u', password: 'v', binds: 1, window: 10, maxPerSecond: 0 },
      ],
    });
    expect(loadEnv({ SMS_SMPP: 'smpp://a:b@h:1' }).SMS_SMPP).toHaveLength(1);
    expect(loadEnv({}).SMS_SMPP).toBeUndefined();
  });

  it('refuses what is not an account, naming the problem', () => {
    for (const bad of ['http://a:b@h:1', 'smpp://h:1', 'smpp://a:b@h:1?window=0', 'smpp://a:b@h:1?name=x,smpp://c:d@h:2?name=x', 'nonsense']) {
      expect(() => loadEnv({ SMS_SMPP: bad }), bad).toThrow(/SMS_SMPP/);
    }
  });
});
