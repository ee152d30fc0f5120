import { describe, expect, it } from 'vitest';
import type { Media } from '../../../shared/contracts/device-protocol.ts';
import { conflictParams, expandSchedule, findConflict, nextSlot, scheduleCommandId, sharedWeekdays, vnIso } from './programmes.rules.ts';
import type { PlayableBulletin, ProgrammePlan, Slot } from './programmes.rules.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// A fixed clock: a Monday, 06:00 in Viet Nam (UTC+7).
const MONDAY = '2026-03-02';
const NOW = new Date(`${MONDAY}T06:00:00+07:00`);
const at = (offsetMs: number) => vnIso(NOW.getTime() + offsetMs);

const slot = (over: Partial<Slot> = {}): Slot => ({
  id: 'a',
  name: 'Bản tin sáng',
  days: [1, 2, 3, 4, 5],
  startMinute: 6 * 60 + 30,
  slotMinutes: 30,
  validFrom: '2026-01-01',
  validUntil: null,
  ...over,
});

describe('programme conflicts', () => {
  it('finds two slots of a commune that overlap on a shared weekday, and names the other one with its time', () => {
    const evening = slot({ id: 'b', name: 'Thời sự chiều', startMinute: 17 * 60, slotMinutes: 45 });
    const conflict = findConflict(slot({ id: 'new', startMinute: 17 * 60 + 30, days: [3, 6] }), [slot(), evening]);
    expect(conflict?.other.id).toBe('b');
    expect(conflictParams(conflict!)).toEqual({ other: 'Thời sự chiều', day: 'Thứ Tư', start: '17:00', end: '17:45' });
  });

  it('back-to-back slots, other weekdays and separate validity windows do not conflict', () => {
    const morning = slot();
    expect(findConflict(slot({ id: 'n', startMinute: 7 * 60 }), [morning])).toBeNull();
    expect(findConflict(slot({ id: 'n', days: [6, 7] }), [morning])).toBeNull();
    expect(findConflict(slot({ id: 'n', validFrom: '2027-01-01' }), [slot({ validUntil: '2026-12-31' })])).toBeNull();
    // The programme being edited does not conflict with itself.
    expect(findConflict(slot(), [morning])).toBeNull();
  });

  it('a short shared window counts only the weekdays that occur in it', () => {
    // 2026-03-07 and 08 are a Saturday and a Sunday: a weekday programme never meets a weekend-long one.
    const weekend = slot({ id: 'w', days: [1, 2, 3, 4, 5, 6, 7], validFrom: '2026-03-07', validUntil: '2026-03-08' });
    expect(sharedWeekdays(slot(), weekend)).toEqual([]);
    expect(findConflict(slot({ id: 'n', days: [1, 6] }), [weekend])?.weekday).toBe(6);
  });
});

const audio = (durationMs: number): Media => ({ kind: 'audio', url: 'http://127.0.0.1/device/v1/media/x', contentType: 'audio/wav', durationMs });
const published = (media: Media | null, over: Partial<PlayableBulletin> = {}): PlayableBulletin => ({ status: 'published', media, priority: 'thuong', validUntil: null, ...over });
const plan = (over: Partial<ProgrammePlan> = {}): ProgrammePlan => ({ ...slot(), repeat: 1, playlist: ['b1', 'b2'], ...over });

describe('device schedule expansion (fixed clock)', () => {
  it('plays the playlist back to back in every slot of the next 48 hours, with the Viet Nam offset', () => {
    const bulletins = new Map([
      ['b1', published(audio(5 * MIN))],
      ['b2', published(audio(2 * MIN), { priority: 'uu_tien' })],
    ]);
    const entries = expandSchedule([plan({ repeat: 2 })], bulletins, NOW);
    // Monday and Tuesday 06:30 (Wednesday 06:30 is 48.5 h away): b1 twice (10 min), then b2.
    expect(entries.map((e) => [e.itemId, e.startAt, e.repeat])).toEqual([
      ['b1', at(30 * MIN), 2],
      ['b2', at(40 * MIN), 2],
      ['b1', at(24 * HOUR + 30 * MIN), 2],
      ['b2', at(24 * HOUR + 40 * MIN), 2],
    ]);
    expect(entries[0]!.startAt).toMatch(/T06:30:00\+07:00$/);
    expect(entries[1]!.priority).toBe('uu_tien');
  });

  it('leaves out what would run past the slot, what is not published or has no media, what has expired or already started', () => {
    const bulletins = new Map([
      ['long', published(audio(31 * MIN))],
      ['draft', { ...published(audio(MIN)), status: 'cancelled' }],
      ['none', published(null)],
      ['expiring', published(audio(MIN), { validUntil: new Date(NOW.getTime() + 12 * HOUR) })],
      ['ok', published(audio(MIN))],
    ]);
    const entries = expandSchedule([plan({ playlist: ['long', 'draft', 'none', 'expiring', 'ok'] })], bulletins, NOW);
    expect(entries.map((e) => [e.itemId, e.startAt])).toEqual([
      ['expiring', at(30 * MIN)],
      ['ok', at(31 * MIN)],
      ['ok', at(24 * HOUR + 30 * MIN)],
    ]);
    // 06:31 on Monday: the first item of today's slot has started, the second has not.
    const later = new Date(NOW.getTime() + 31 * MIN);
    expect(expandSchedule([plan({ playlist: ['expiring', 'ok'] })], bulletins, later)[0]!.startAt).toBe(at(31 * MIN));
  });

  it('a live relay takes the rest of its slot; days outside the validity window or the weekdays have nothing', () => {
    const relay: Media = { kind: 'stream', url: 'http://127.0.0.1/relay' };
    const bulletins = new Map([
      ['b1', published(audio(10 * MIN))],
      ['live', published(relay)],
      ['b2', published(audio(MIN))],
    ]);
    const entries = expandSchedule([plan({ playlist: ['b1', 'live', 'b2'], validUntil: MONDAY })], bulletins, NOW);
    expect(entries.map((e) => [e.itemId, e.startAt, e.repeat])).toEqual([
      ['b1', at(30 * MIN), 1],
      ['live', at(40 * MIN), 1],
    ]);
    expect(expandSchedule([plan({ days: [6, 7] })], bulletins, NOW)).toEqual([]);
  });

  it('the next slot is the earliest start at or after now among the programmes', () => {
    const morning = plan();
    const noon = plan({ id: 'noon', startMinute: 11 * 60 });
    expect(nextSlot([noon, morning], NOW)).toEqual({ plan: morning, startsAt: new Date(NOW.getTime() + 30 * MIN) });
    expect(nextSlot([noon, morning], new Date(NOW.getTime() + HOUR))?.plan.id).toBe('noon');
    expect(nextSlot([plan({ validUntil: '2026-02-01' })], NOW)).toBeNull();
  });

  it('the command id is a UUID fixed by the device and the entries', () => {
    const entries = expandSchedule([plan()], new Map([['b1', published(audio(MIN))]]), NOW);
    const id = scheduleCommandId('d1', entries);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scheduleCommandId('d1', entries)).toBe(id);
    expect(scheduleCommandId('d2', entries)).not.toBe(id);
    expect(scheduleCommandId('d1', entries.slice(1))).not.toBe(id);
  });
});
