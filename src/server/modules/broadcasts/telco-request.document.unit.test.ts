import { describe, expect, it } from 'vitest';
import { CreateDirectiveBody, issuerName, issuerSymbol } from '../directives/index.ts';
import { telcoRequestInput, timeWindowLine } from './telco-request.document.ts';
import type { RequestSource } from './telco-request.document.ts';

const PROVINCE = { id: '00000000-0000-4000-8000-000000000012', name: 'Tỉnh Lai Châu', kind: 'province' };
const SO = { id: '00000000-0000-4000-8000-000000000100', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', kind: 'department' };
const TELCOS = [
  { id: '00000000-0000-4000-8000-000000000201', name: 'Viettel Lai Châu', kind: 'telco' },
  { id: '00000000-0000-4000-8000-000000000202', name: 'VNPT Lai Châu', kind: 'telco' },
];
const source = (o: Partial<RequestSource> = {}): RequestSource => ({ title: 'Phòng chống lũ quét', priority: 'thuong', text: 'Ba con khong o gan suoi.', scheduleAt: null, ...o });
const lines = (input: ReturnType<typeof telcoRequestInput>) => JSON.stringify(input.body);

describe('telco request công văn (pure)', () => {
  it('names the issuer and its symbol from the unit: UBND for an area, initials for an organisation under the province', () => {
    expect(issuerName(PROVINCE)).toBe('Ủy ban nhân dân tỉnh Lai Châu');
    expect(issuerSymbol(PROVINCE)).toBe('UBND');
    expect(issuerName(SO)).toBe(SO.name);
    expect(issuerSymbol(SO)).toBe('SVHTTDL');
    const input = telcoRequestInput({ broadcastId: 'b1', source: source(), unit: SO, parent: PROVINCE, province: PROVINCE, telcos: TELCOS, area: [] });
    expect(input).toMatchObject({ issuerParent: 'Ủy ban nhân dân tỉnh Lai Châu', issuer: SO.name, symbol: 'SVHTTDL', place: 'Lai Châu', docType: 'CV' });
    expect(input.addressees).toEqual(['Viettel Lai Châu', 'VNPT Lai Châu']);
    expect(input.recipients).toEqual({ units: TELCOS.map((t) => t.id), groups: [] });
    // The directives module's own schema accepts it (symbol rule of a công văn included).
    expect(CreateDirectiveBody.safeParse(input).success).toBe(true);
  });

  it('quotes the exact text with its encoding and parts: GSM-7 unaccented, UCS-2 with diacritics', () => {
    const gsm = telcoRequestInput({ broadcastId: 'b1', source: source(), unit: PROVINCE, parent: null, province: PROVINCE, telcos: TELCOS, area: ['Xã Bản Hon'] });
    expect(lines(gsm)).toContain('“Ba con khong o gan suoi.”');
    expect(lines(gsm)).toContain('Mã hóa: GSM-7 (không dấu).');
    expect(lines(gsm)).toContain('Số phần tin: 1/tin (24 ký tự).');
    expect(lines(gsm)).toContain('trên địa bàn Xã Bản Hon.');
    const long = 'Bà con không ở gần suối, taluy; di chuyển người, tài sản đến nơi an toàn. '.repeat(2).trim();
    const ucs = telcoRequestInput({ broadcastId: 'b1', source: source({ text: long }), unit: PROVINCE, parent: null, province: PROVINCE, telcos: [], area: [] });
    expect(lines(ucs)).toContain('Mã hóa: UCS-2 (có dấu).');
    expect(lines(ucs)).toContain('Số phần tin: 3/tin');
    // No telco unit in the tree: addressed to the telcos of the province by name, nobody's inbox.
    expect(ucs.addressees).toEqual(['Các doanh nghiệp viễn thông trên địa bàn tỉnh']);
    expect(ucs.recipients).toEqual({ units: [], groups: [] });
  });

  it('states the time: on receipt or from the schedule (Viet Nam time), within the window or the ordinary hours; emergencies any hour', () => {
    expect(timeWindowLine(source())).toBe('Thời gian nhắn tin: ngay khi nhận được công văn này, trong khung giờ từ 07:00 đến 22:00 hằng ngày.');
    expect(timeWindowLine(source({ scheduleAt: '2026-08-15T01:30:00.000Z', windowStart: '08:00', windowEnd: '20:00' }))).toBe(
      'Thời gian nhắn tin: từ 08:30 ngày 15/8/2026, trong khung giờ từ 08:00 đến 20:00 hằng ngày.',
    );
    expect(timeWindowLine(source({ quiet: { quietStartHour: 21, quietEndHour: 6 } }))).toBe(
      'Thời gian nhắn tin: ngay khi nhận được công văn này, trong khung giờ từ 06:00 đến 21:00 hằng ngày.',
    );
    expect(timeWindowLine(source({ priority: 'khan_cap' }))).toBe('Thời gian nhắn tin: ngay khi nhận được công văn này, kể cả ngoài giờ (tin khẩn cấp).');
    const urgent = telcoRequestInput({ broadcastId: 'b1', source: source({ priority: 'khan_cap' }), unit: PROVINCE, parent: null, province: PROVINCE, telcos: TELCOS, area: [] });
    expect(urgent.urgency).toBe('khan');
  });
});
