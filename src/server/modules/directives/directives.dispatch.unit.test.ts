import { describe, expect, it } from 'vitest';
import { Body } from './directives.schemas.ts';
import { bodyText, formatNumber, fullSymbol, symbolKey, toParsedDispatch } from './dispatch.ts';

describe('directive text forms and the ParsedDispatch mapping', () => {
  it('writes numbers with a leading zero below 10 (Decree 30)', () => {
    expect([1, 9, 10, 106].map(formatNumber)).toEqual(['01', '09', '10', '106']);
    expect(fullSymbol({ number: 5, symbol: 'STTTT-TTBCXB' })).toBe('05/STTTT-TTBCXB');
    expect(fullSymbol({ number: null, symbol: 'STTTT-TTBCXB' })).toBe('/STTTT-TTBCXB');
  });

  it('matches citation symbols without diacritics or spaces', () => {
    expect(symbolKey('CĐ-UBND')).toBe(symbolKey('cd - ubnd'));
  });

  it('maps a directive to the dispatch the renderer reads, keeping bold and italic', () => {
    const body = Body.parse({
      opening: [{ kind: 'paragraph', runs: [{ text: 'Thực hiện Công điện số 04/CĐ-UBND ngày 07/3/2020.' }] }],
      sections: [
        {
          number: '1',
          addressees: ['Các cơ quan báo chí của tỉnh'],
          blocks: [
            {
              kind: 'bullets',
              items: [[{ text: 'Tiếp tục thông tin, tuyên truyền ' }, { text: 'đầy đủ', bold: true }, { text: '.' }], [{ text: 'Nội dung tin nhắn', bold: true, italic: true }]],
            },
          ],
        },
      ],
      closing: [{ kind: 'paragraph', runs: [{ text: 'Đề nghị các đơn vị phối hợp./.' }] }],
    });
    const d = toParsedDispatch({
      issuerParent: 'UBND TỈNH THANH HÓA',
      issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      docType: 'CV',
      number: 5,
      symbol: 'STTTT-BCXB',
      place: 'Thanh Hóa',
      date: '2020-03-09',
      subject: 'tiếp tục đẩy mạnh công tác tuyên truyền',
      urgency: 'hoa_toc',
      legalBases: [],
      citations: [{ type: 'Công điện', number: 4, symbol: 'CĐ-UBND', date: '2020-03-07' }],
      body,
      addressees: ['Các cơ quan báo chí của tỉnh'],
      cc: [
        { name: 'UBND tỉnh', purpose: 'de_bao_cao' },
        { name: 'Bưu điện tỉnh', purpose: 'de_biet' },
      ],
      archive: ['VT', 'BCXB'],
      signerAuthority: 'KT.',
      signerPosition: 'GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Đỗ Hữu Quyết',
    });
    expect(d).toMatchObject({
      number: '05',
      symbol: 'STTTT-BCXB',
      urgency: 'HỎA TỐC',
      cc: ['UBND tỉnh (để b/c)', 'Bưu điện tỉnh (để biết)'],
      archive: 'Lưu: VT, BCXB.',
      citations: [{ type: 'Công điện', number: '4', symbol: 'CĐ-UBND', date: '2020-03-07' }],
      signerAuthority: 'KT.',
    });
    expect(d.body).toEqual([
      'Thực hiện Công điện số 04/CĐ-UBND ngày 07/3/2020.',
      '1. Các cơ quan báo chí của tỉnh',
      '- Tiếp tục thông tin, tuyên truyền **đầy đủ**.',
      '- ***Nội dung tin nhắn***',
      'Đề nghị các đơn vị phối hợp./.',
    ]);
    expect(d.sections[0]).toEqual({
      number: '1',
      heading: null,
      addressees: ['Các cơ quan báo chí của tỉnh'],
      items: ['- Tiếp tục thông tin, tuyên truyền **đầy đủ**.', '- ***Nội dung tin nhắn***'],
    });
    expect(bodyText(body)).toContain('Tiếp tục thông tin, tuyên truyền đầy đủ.');
  });
});
