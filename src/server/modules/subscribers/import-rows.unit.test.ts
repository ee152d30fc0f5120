import { describe, expect, it } from 'vitest';
import { readCsv } from '../../platform/sheet.ts';
import { headerColumn, parseSubscriberRows, subscriberFileUnreadable } from './import-rows.ts';

// Fictitious numbers: no real subscriber.
const csv = (text: string) => readCsv(new TextEncoder().encode(text), subscriberFileUnreadable);

describe('headerColumn', () => {
  it.each([
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Điện thoại di động', 'phone'],
    ['ĐT', 'phone'],
    ['Phone', 'phone'],
    ['Họ tên', 'name'],
    ['Họ và tên', 'name'],
    ['HỌ VÀ TÊN CHỦ HỘ', 'name'],
    ['Tên', 'name'],
    ['Thôn', 'village'],
    ['Thôn/Xóm', 'village'],
    ['Bản', 'village'],
    ['Tên thôn', 'village'],
    ['Địa chỉ', 'village'],
    ['STT', null],
    ['Ghi chú', null],
    ['', null],
  ])('%j → %s', (cell, kind) => expect(headerColumn(cell)).toBe(kind));
});

describe('readCsv', () => {
  it('reads quoted cells, semicolons, a BOM and CRLF, keeping physical line numbers', () => {
    const rows = csv('\uFEFFHọ tên;SĐT\r\n"Lò, Văn ""A""";0960000001\r\n\r\n"Hai\ndòng";0960000002\n');
    expect(rows).toEqual([
      { line: 1, cells: ['Họ tên', 'SĐT'] },
      { line: 2, cells: ['Lò, Văn "A"', '0960000001'] },
      { line: 4, cells: ['Hai\ndòng', '0960000002'] },
    ]);
  });
  it('refuses a file that is not UTF-8', () => {
    expect(() => readCsv(new Uint8Array([0x48, 0xe0, 0x20, 0x4e]), subscriberFileUnreadable)).toThrow(expect.objectContaining({ code: 'SUBSCRIBER_FILE_UNREADABLE' }));
  });
});

describe('parseSubscriberRows', () => {
  it('finds the header below a title, any column order, and reads the rows', () => {
    const r = parseSubscriberRows(csv('DANH SÁCH TRƯỞNG THÔN\n,,\nThôn,SĐT,STT,Họ và tên\nBản Hon,0960000001,1,Lò Văn A\nBản Bo,+84 91 000 0002,2,\n'));
    expect(r.errors).toEqual([]);
    expect(r.subscribers).toEqual([
      { line: 4, fullName: 'Lò Văn A', phone: '0960000001', telco: 'viettel', village: 'Bản Hon' },
      { line: 5, fullName: null, phone: '0910000002', telco: 'vinaphone', village: 'Bản Bo' },
    ]);
  });

  it('turns control characters in a cell into spaces (a NUL cannot be stored)', () => {
    const r = parseSubscriberRows(csv('Họ tên,Số điện thoại,Thôn\nLò\u0000Văn\u0007 A ,0960000001,Bản\u001bHon\n'));
    expect(r.subscribers[0]).toMatchObject({ fullName: 'Lò Văn A', village: 'Bản Hon' });
  });

  it('merges a repeated number into its first row, filling what the first lacks', () => {
    const r = parseSubscriberRows(csv('Họ tên,Số điện thoại,Thôn\n,0960000001,\nLò Văn A,84960000001,Bản Hon\nLò Văn B,096 000 0001,Bản Bo\n'));
    expect(r.subscribers).toEqual([{ line: 2, fullName: 'Lò Văn A', phone: '0960000001', telco: 'viettel', village: 'Bản Hon' }]);
    expect(r.mergedInFile).toBe(2);
    expect(r.notes.map((n) => n.line)).toEqual([3, 4]);
  });

  it('reports every bad row with its line, and a file without data or header', () => {
    const r = parseSubscriberRows(csv('Họ tên,Số điện thoại\nA,0960000001\nB,02033876543\nC,\nD,0960000001;0970000002\n'));
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(r.errors.every((e) => e.message.startsWith(`Dòng ${e.line}: `))).toBe(true);
    expect(parseSubscriberRows(csv('Họ tên,Số điện thoại\n')).errors[0]!.message).toMatch(/không có dòng dữ liệu/);
    expect(parseSubscriberRows(csv('a,b\n1,2\n')).errors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });
});
