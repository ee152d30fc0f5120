import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS, checkXlsxSize, readSheet } from './sheet.ts';

/** What a module makes of an unreadable file (its own error code, the reason as parameter). */
const unreadable = (reason: string) => Object.assign(new Error(reason), { code: 'FILE_UNREADABLE', params: { reason } });

/** A one-entry zip whose central directory declares `declared` bytes for `content` deflated. */
function zipOf(content: Uint8Array, declared = content.byteLength): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.byteLength, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + name.byteLength + data.byteLength;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.byteLength, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, eocd]));
}

describe('XLSX size check (zip bombs)', () => {
  const huge = new Uint8Array(XLSX_LIMITS.unpackedBytes + 1024);

  it('refuses an entry that declares more than the limit', () => {
    expect(() => checkXlsxSize(zipOf(new Uint8Array(10), XLSX_LIMITS.unpackedBytes + 1), unreadable)).toThrow(expect.objectContaining({ code: 'FILE_UNREADABLE' }));
  });

  it('refuses an entry that understates its size, stopping at the limit', async () => {
    const bomb = zipOf(huge, 100);
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(() => checkXlsxSize(bomb, unreadable)).toThrow(expect.objectContaining({ code: 'FILE_UNREADABLE' }));
    await expect(readSheet('bom.xlsx', bomb, unreadable)).rejects.toMatchObject({ code: 'FILE_UNREADABLE', params: { reason: expect.stringMatching(/khi giải nén/) } });
  });

  it('lets a real workbook through and reads its rows with their line numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Họ tên', 'Số điện thoại']);
    ws.addRow([]);
    ws.addRow(['Lò Văn A', 960000001]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => checkXlsxSize(bytes, unreadable)).not.toThrow();
    expect(await readSheet('ds.xlsx', bytes, unreadable)).toEqual([
      { line: 1, cells: ['Họ tên', 'Số điện thoại'] },
      { line: 3, cells: ['Lò Văn A', '960000001'] },
    ]);
  });

  it('names an old .xls and a broken .xlsx', async () => {
    await expect(readSheet('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), unreadable)).rejects.toMatchObject({ params: { reason: expect.stringMatching(/\.xls/) } });
    await expect(readSheet('a.xlsx', new Uint8Array([1, 2, 3]), unreadable)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
