import { describe, expect, it } from 'vitest';
import { csvCell, toCsvFile } from './csv.ts';

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula (OWASP)', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","Bấm")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('keeps ordinary text and numbers (negative numbers stay numbers)', () => {
    expect(csvCell('Xã Bình Lư')).toBe('Xã Bình Lư');
    expect(csvCell('Tổng cộng, toàn tỉnh')).toBe('"Tổng cộng, toàn tỉnh"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('writes a file with a BOM and CRLF lines', () => {
    const text = toCsvFile([
      ['Đơn vị', 'Số'],
      ['=1+1', 2],
    ]).toString('utf8');
    expect(text).toBe("\uFEFFĐơn vị,Số\r\n'=1+1,2\r\n");
  });
});
