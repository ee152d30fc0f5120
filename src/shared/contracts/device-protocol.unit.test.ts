import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeviceCommand, DeviceLogBatch, DeviceState, deviceTopics, parseDeviceTopic } from './device-protocol.ts';

const id = '0b6f9a52-4c1e-4d7a-9a55-2f6c1f0e8a11';
const at = '2026-03-16T06:00:00+07:00';
const audio = { kind: 'audio', url: 'https://loa.example.vn/media/a.mp3', contentType: 'audio/mpeg', durationMs: 180_000 } as const;

describe('device protocol v1', () => {
  it('names the three topics of a device and parses them back', () => {
    expect(deviceTopics(id)).toEqual({ cmd: `loa/v1/${id}/cmd`, state: `loa/v1/${id}/state`, log: `loa/v1/${id}/log` });
    expect(parseDeviceTopic(`loa/v1/${id}/log`)).toEqual({ deviceId: id, channel: 'log' });
    for (const t of [`loa/v2/${id}/log`, `loa/v1/${id}/log/x`, 'loa/v1/+/log', `loa/v1/${id}/debug`]) expect(parseDeviceTopic(t), t).toBeNull();
  });

  it('accepts every command with its defaults and refuses unknown ones', () => {
    const base = { v: 1, id: randomUUID(), at };
    const cmds = [
      { ...base, cmd: 'play_now', itemId: 'b1', media: audio, priority: 'khan_cap', interrupt: true, repeat: 3 },
      { ...base, cmd: 'schedule', entries: [{ itemId: 'b2', media: { kind: 'stream', url: 'icecast://dai.example.vn/live' }, priority: 'thuong', startAt: at }] },
      { ...base, cmd: 'stop' },
      { ...base, cmd: 'set_volume', volume: 80 },
      { ...base, cmd: 'amp_power', on: true },
      { ...base, cmd: 'show_text', itemId: 'b3', pages: [{ text: 'Cảnh báo lũ quét', seconds: 10, scroll: 'left' }] },
      { ...base, cmd: 'show_image', itemId: 'b4', url: 'https://loa.example.vn/i.png', contentType: 'image/png', seconds: 30 },
      { ...base, cmd: 'sync_clock', serverTime: at },
      { ...base, cmd: 'report_state' },
    ];
    expect(cmds.map((c) => DeviceCommand.parse(c).cmd)).toEqual([
      'play_now',
      'schedule',
      'stop',
      'set_volume',
      'amp_power',
      'show_text',
      'show_image',
      'sync_clock',
      'report_state',
    ]);
    expect(DeviceCommand.parse({ ...base, cmd: 'play_now', itemId: 'b', media: audio, priority: 'thuong' })).toMatchObject({ repeat: 1, interrupt: false });
    expect(DeviceCommand.safeParse({ ...base, cmd: 'reboot' }).success).toBe(false);
    expect(DeviceCommand.safeParse({ ...base, v: 2, cmd: 'stop' }).success).toBe(false);
    expect(DeviceCommand.safeParse({ ...base, cmd: 'set_volume', volume: 101 }).success).toBe(false);
    expect(DeviceCommand.safeParse({ ...base, cmd: 'play_now', itemId: 'b', media: { ...audio, url: 'file:///etc/passwd' }, priority: 'thuong' }).success).toBe(false);
    expect(DeviceCommand.safeParse({ ...base, at: '2026-03-16 06:00', cmd: 'stop' }).success).toBe(false);
  });

  it('validates state, play events with durations, and heartbeats', () => {
    expect(DeviceState.parse({ v: 1, at, status: 'playing', current: { itemId: 'b1', startedAt: at }, volume: 70, ampOn: true, signalDbm: -85 }).status).toBe('playing');
    expect(DeviceState.safeParse({ v: 1, at, status: 'dancing', current: null, volume: 70, ampOn: true }).success).toBe(false);
    const events = [
      { id: randomUUID(), type: 'started', at, itemId: 'b1' },
      { id: randomUUID(), type: 'finished', at, itemId: 'b1', durationMs: 180_000 },
      { id: randomUUID(), type: 'interrupted', at, itemId: 'b2', durationMs: 12_000, reason: 'preempted', byCommandId: randomUUID() },
      { id: randomUUID(), type: 'heartbeat', at, volume: 70, ampOn: false },
    ];
    expect(DeviceLogBatch.parse({ v: 1, events }).events).toHaveLength(4);
    expect(DeviceLogBatch.safeParse({ v: 1, events: [{ ...events[1], durationMs: undefined }] }).success).toBe(false);
    expect(DeviceLogBatch.safeParse({ v: 1, events: [{ ...events[2], reason: 'bored' }] }).success).toBe(false);
    expect(DeviceLogBatch.safeParse({ v: 1, events: [] }).success).toBe(false);
  });
});
