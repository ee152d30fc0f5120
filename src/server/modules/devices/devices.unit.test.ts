import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../providers/mqtt/port.ts';
import { mosquittoAclFile, mosquittoPasswordFile } from '../../providers/mqtt/mosquitto-files.ts';
import { deviceMayPublish, deviceMaySubscribe } from './device-acl.ts';
import { deviceTokenHash, generateDeviceToken, looksLikeDeviceToken, mosquittoPasswordHash } from './device-token.ts';
import { parseDay, parseDeviceRows, parseKind } from './import-rows.ts';

const A = '0b6f9a52-4c1e-4d7a-9a55-2f6c1f0e8a11';
const B = '7d1e2c3b-0000-4000-8000-000000000002';

describe('device ACL', () => {
  it('a device publishes only its state and log and subscribes only its cmd, without wildcards', () => {
    expect(deviceMayPublish(A, `loa/v1/${A}/state`)).toBe(true);
    expect(deviceMayPublish(A, `loa/v1/${A}/log`)).toBe(true);
    for (const t of [`loa/v1/${A}/cmd`, `loa/v1/${B}/state`, `loa/v1/${B}/log`, 'loa/v1/+/state', `loa/v1/${A}/state/x`]) expect(deviceMayPublish(A, t), t).toBe(false);
    expect(deviceMaySubscribe(A, `loa/v1/${A}/cmd`)).toBe(true);
    for (const f of [`loa/v1/${B}/cmd`, 'loa/v1/+/cmd', 'loa/#', '#', `loa/v1/${A}/+`, `loa/v1/${A}/state`]) expect(deviceMaySubscribe(A, f), f).toBe(false);
  });

  it('matches MQTT filters', () => {
    expect(topicMatches('loa/v1/+/log', `loa/v1/${A}/log`)).toBe(true);
    expect(topicMatches('loa/#', 'loa')).toBe(true);
    expect(topicMatches('loa/#', `loa/v1/${A}/cmd`)).toBe(true);
    expect(topicMatches('loa/v1/+/log', `loa/v1/${A}/state`)).toBe(false);
    expect(topicMatches('loa/v1/+', `loa/v1/${A}/log`)).toBe(false);
  });

  it('writes Mosquitto files: service user, one line per device, pattern rules', () => {
    const passwd = mosquittoPasswordFile({ username: 'loa', hash: '$7$101$s$h' }, [
      { username: A, hash: '$7$101$a$b' },
      { username: 'evil\nuser', hash: 'x' },
    ]);
    expect(passwd).toBe(`loa:$7$101$s$h\n${A}:$7$101$a$b\n`);
    expect(mosquittoAclFile('loa')).toContain('pattern read loa/v1/%u/cmd\npattern write loa/v1/%u/state\npattern write loa/v1/%u/log');
  });
});

describe('device tokens', () => {
  it('are 32 random bytes, hashed with a key, and hashed the way mosquitto_passwd does', () => {
    const token = generateDeviceToken();
    expect(looksLikeDeviceToken(token)).toBe(true);
    expect(looksLikeDeviceToken(token.slice(0, -1))).toBe(false);
    expect(generateDeviceToken()).not.toBe(token);
    expect(deviceTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    const [, seven, iterations, salt, hash] = mosquittoPasswordHash(token).split('$');
    expect([seven, iterations]).toEqual(['7', '101']);
    expect(pbkdf2Sync(token, Buffer.from(salt!, 'base64'), 101, 64, 'sha512').toString('base64')).toBe(hash);
  });
});

describe('device import rows', () => {
  const sheet = (rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

  it('finds the header anywhere in the first rows and reads Vietnamese values', () => {
    const parsed = parseDeviceRows(
      sheet([
        ['DANH SÁCH THIẾT BỊ XÃ'],
        ['Loại thiết bị', 'Số Seri', 'Thôn/Xóm', 'Vĩ độ', 'Kinh độ', 'Ngày lắp đặt', 'Tình trạng'],
        ['Cụm loa truyền thanh', 'S-1', 'Bản Hon', '22,41', '103,48', '5/3/2026', 'Bảo trì'],
      ]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.devices).toEqual([
      {
        line: 3,
        kind: 'loudspeaker_cluster',
        name: 'Cụm loa Bản Hon',
        vendor: null,
        model: null,
        serial: 'S-1',
        simNumber: null,
        village: 'Bản Hon',
        lat: 22.41,
        lon: 103.48,
        installedOn: '2026-03-05',
        status: 'maintenance',
      },
    ]);
  });

  it('says what is wrong on each line, and when there is no header', () => {
    const parsed = parseDeviceRows(
      sheet([
        ['Loại', 'Vĩ độ'],
        ['', '22'],
        ['LED', ''],
      ]),
    );
    expect(parsed.errors.map((e) => e.message)).toEqual(['Dòng 2: thiếu loại thiết bị («Cụm loa» hoặc «Bảng tin điện tử»); cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.']);
    expect(parsed.devices.map((d) => d.kind)).toEqual(['led_board']);
    expect(parseDeviceRows(sheet([['Tên', 'Hãng']])).errors[0]!.message).toContain('Không tìm thấy dòng tiêu đề có cột «Loại»');
    expect(parseKind('Bảng tin điện tử')).toBe('led_board');
    expect(parseDay('29/02/2025')).toBeNull();
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
  });
});
