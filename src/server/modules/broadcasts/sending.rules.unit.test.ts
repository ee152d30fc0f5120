import { describe, expect, it } from 'vitest';
import { loadEnv, parseSmppAccounts } from '../../env.ts';
import type { SubmitResult } from '../../providers/sms/port.ts';
import {
  afterQuietHours,
  fromMsisdn,
  isOptOutKeyword,
  localDay,
  messageKey,
  nextOpening,
  openStretches,
  overDailyCap,
  rulesOf,
  sendAt,
  sendingStretch,
  toMsisdn,
} from './sending.rules.ts';
import type { SendRules } from './sending.rules.ts';
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

describe('settings and send windows', () => {
  const rules = (window: SendRules['window'], quiet = { startHour: 22, endHour: 7 }): SendRules => ({ quiet, window });

  it('takes the quiet hours and the daily cap from the settings', () => {
    expect(afterQuietHours(vn('2021-02-03T20:30:00'), { startHour: 20, endHour: 6 })).toEqual(vn('2021-02-04T06:00:00'));
    expect(afterQuietHours(vn('2021-02-03T12:30:00'), { startHour: 12, endHour: 14 })).toEqual(vn('2021-02-03T14:00:00'));
    expect(afterQuietHours(vn('2021-02-03T23:30:00'), { startHour: 0, endHour: 0 })).toEqual(vn('2021-02-03T23:30:00'));
    expect(overDailyCap(2, 3)).toBe(false);
    expect(overDailyCap(3, 3)).toBe(true);
    expect(overDailyCap(1, 1)).toBe(true);
    const r = rulesOf({ quietStartHour: 21, quietEndHour: 6 }, { windowStart: '08:00', windowEnd: '17:30' });
    expect(r).toEqual({ quiet: { startHour: 21, endHour: 6 }, window: { start: '08:00', end: '17:30' } });
    expect(rulesOf({ quietStartHour: 21, quietEndHour: 6 }, { windowStart: null, windowEnd: null }).window).toBeNull();
  });

  it('opens the window minus the quiet hours', () => {
    expect(openStretches(rules(null))).toEqual([[420, 1320]]);
    expect(openStretches(rules({ start: '07:00', end: '21:00' }))).toEqual([[420, 1260]]);
    expect(openStretches(rules({ start: '05:00', end: '23:30' }))).toEqual([[420, 1320]]);
    expect(openStretches(rules({ start: '08:00', end: '18:00' }, { startHour: 12, endHour: 13 }))).toEqual([
      [480, 720],
      [780, 1080],
    ]);
    expect(openStretches(rules({ start: '22:30', end: '23:30' }))).toEqual([]);
    expect(openStretches(rules(null, { startHour: 0, endHour: 0 }))).toEqual([[0, 1440]]);
  });

  it('an ordinary message waits for the next opening; emergencies go at once', () => {
    const w = rules({ start: '08:00', end: '17:00' });
    expect(sendAt(vn('2021-02-03T06:00:00'), null, 'thuong', w)).toEqual(vn('2021-02-03T08:00:00'));
    expect(sendAt(vn('2021-02-03T10:00:00'), null, 'uu_tien', w)).toEqual(vn('2021-02-03T10:00:00'));
    expect(sendAt(vn('2021-02-03T17:00:00'), null, 'thuong', w)).toEqual(vn('2021-02-04T08:00:00'));
    expect(sendAt(vn('2021-02-03T23:00:00'), null, 'thuong', w)).toEqual(vn('2021-02-04T08:00:00'));
    expect(sendAt(vn('2021-02-03T10:00:00'), vn('2021-02-03T18:00:00'), 'thuong', w)).toEqual(vn('2021-02-04T08:00:00'));
    expect(sendAt(vn('2021-02-03T23:00:00'), null, 'khan_cap', w)).toEqual(vn('2021-02-03T23:00:00'));
    expect(sendAt(vn('2021-02-03T10:00:00'), null, 'thuong', rules({ start: '22:30', end: '23:30' }))).toBeNull();
    expect(nextOpening(vn('2021-02-28T12:30:00'), rules({ start: '08:00', end: '18:00' }, { startHour: 12, endHour: 13 }))).toEqual(vn('2021-02-28T13:00:00'));
  });

  it('tells when an open stretch closes, across midnight when it goes on', () => {
    expect(sendingStretch(vn('2021-02-03T10:00:00'), rules({ start: '08:00', end: '17:00' }))).toEqual({ open: true, closesAt: vn('2021-02-03T17:00:00') });
    expect(sendingStretch(vn('2021-02-03T10:00:00'), rules(null))).toEqual({ open: true, closesAt: vn('2021-02-03T22:00:00') });
    expect(sendingStretch(vn('2021-02-03T23:00:00'), rules(null))).toEqual({ open: false, opensAt: vn('2021-02-04T07:00:00') });
    expect(sendingStretch(vn('2021-02-03T23:00:00'), rules(null, { startHour: 2, endHour: 5 }))).toEqual({ open: true, closesAt: vn('2021-02-04T02:00:00') });
    expect(sendingStretch(vn('2021-02-03T23:00:00'), rules(null, { startHour: 0, endHour: 0 }))).toEqual({ open: true, closesAt: null });
    expect(sendingStretch(vn('2021-02-03T10:00:00'), rules({ start: '22:30', end: '23:30' }))).toEqual({ open: false, opensAt: null });
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
    expect(parseSmppAccounts('smpp://loa:p%40ss@10.0.0.5:2775?name=viettel-1&binds=2&window=20&tps=100&timeout=2000, smpp://u:v@smsc.local')).toEqual({
      accounts: [
        { name: 'viettel-1', host: '10.0.0.5', port: 2775, systemId: 'loa', password: 'p@ss', binds: 2, window: 20, maxPerSecond: 100, responseTimeoutMs: 2000 },
        { name: 'u@smsc.local', host: 'smsc.local', port: 2775, systemId: 'u', password: 'v', binds: 1, window: 10, maxPerSecond: 0, responseTimeoutMs: 10_000 },
      ],
    });
    expect(loadEnv({ SMS_SMPP: 'smpp://a:b@h:1' }).SMS_SMPP).toHaveLength(1);
    expect(loadEnv({}).SMS_SMPP).toBeUndefined();
  });

  it('refuses what is not an account, naming the problem', () => {
    for (const bad of ['http://a:b@h:1', 'smpp://h:1', 'smpp://a:b@h:1?window=0', 'smpp://a:b@h:1?timeout=5', 'smpp://a:b@h:1?name=x,smpp://c:d@h:2?name=x', 'nonsense']) {
      expect(() => loadEnv({ SMS_SMPP: bad }), bad).toThrow(/SMS_SMPP/);
    }
  });
});
