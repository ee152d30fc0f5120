import { describe, expect, it } from 'vitest';
import { ccLines, formatVnDate, numberLine, placeAndDate, punctuate, signerLines, subjectText } from './doc-view.ts';
import { emptyForm, formToInput, issuerDefaults, placeName, validateForm } from './draft-form.ts';

describe('Decree 30 preview text', () => {
  it('writes the date with leading zeros for days < 10 and months 1–2', () => {
    expect(formatVnDate('2021-02-05')).toBe('ngày 05 tháng 02 năm 2021');
    expect(formatVnDate('2021-11-25')).toBe('ngày 25 tháng 11 năm 2021');
    expect(formatVnDate('2021-03-09')).toBe('ngày 09 tháng 3 năm 2021');
    expect(placeAndDate('Tam Đường', '2021-02-05')).toBe('Tam Đường, ngày 05 tháng 02 năm 2021');
    expect(formatVnDate(null)).toMatch(/^ngày \s+ tháng \s+ năm \s+$/);
  });

  it('leaves the number blank in a draft and pads numbers below 10', () => {
    expect(numberLine('1', 'VHTT-TT&TT')).toBe('Số: 01/VHTT-TT&TT');
    expect(numberLine('12', 'UBND-VX')).toBe('Số: 12/UBND-VX');
    expect(numberLine(null, 'UBND-VX')).toMatch(/^Số: \s{10}\/UBND-VX$/);
  });

  it('punctuates lists and ends Nơi nhận with Lưu', () => {
    expect(punctuate(['- Như trên;', 'UBND huyện.'])).toEqual(['- Như trên;', '- UBND huyện.']);
    expect(ccLines([{ name: 'Sở Thông tin và Truyền thông', purpose: 'de_bao_cao' }], ['VT'])).toEqual(['- Sở Thông tin và Truyền thông (để b/c);', '- Lưu: VT.']);
    expect(subjectText('V/v tăng cường')).toBe('tăng cường');
    expect(signerLines({ authority: 'KT.', position: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'A' })).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });
});

describe('draft form', () => {
  it('guesses issuer, parent body and place from the unit', () => {
    expect(placeName('Huyện Tam Đường')).toBe('Tam Đường');
    expect(placeName('Phòng Văn hóa')).toBeNull();
    expect(issuerDefaults('Phòng Văn hóa và Thông tin', [{ name: 'Việt Nam' }, { name: 'Tỉnh Lai Châu' }, { name: 'Huyện Tam Đường' }])).toEqual({
      issuerParent: 'UBND Huyện Tam Đường',
      issuer: 'Phòng Văn hóa và Thông tin',
      place: 'Tam Đường',
    });
    expect(issuerDefaults('Thị trấn Tam Đường', [{ name: 'Huyện Tam Đường' }]).issuer).toBe('UBND Thị trấn Tam Đường');
    // An office named with its province: the parent line names the province, the issuer line does not repeat it.
    expect(issuerDefaults('Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', [{ name: 'Việt Nam' }, { name: 'Tỉnh Lai Châu' }])).toEqual({
      issuerParent: 'UBND Tỉnh Lai Châu',
      issuer: 'Sở Văn hóa, Thể thao và Du lịch',
      place: 'Lai Châu',
    });
    expect(issuerDefaults('Phòng Văn hóa và Thông tin huyện Tam Đường', [{ name: 'Tỉnh Lai Châu' }, { name: 'Huyện Tam Đường' }]).issuer).toBe('Phòng Văn hóa và Thông tin');
    // Another province's name stays.
    expect(issuerDefaults('Văn phòng đại diện tỉnh Lạng Sơn', [{ name: 'Tỉnh Lai Châu' }]).issuer).toBe('Văn phòng đại diện tỉnh Lạng Sơn');
  });

  it('converts to the API input with nulls for empty optional texts', () => {
    const f = emptyForm({ symbol: 'VHTT-TT&TT', subject: 'Tuyên truyền', opening: 'Mở đầu.', recipientGroups: ['g1'] });
    f.sections[0]!.text = 'Nội dung **đậm**.\n- Ý một';
    const input = formToInput(f);
    expect(input).toMatchObject({ issuerParent: null, place: null, urgency: null, archive: ['VT'], recipients: { units: [], groups: ['g1'] } });
    expect(input.body?.sections[0]).toEqual({
      number: '1',
      heading: null,
      addressees: [],
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'Nội dung ' }, { text: 'đậm', bold: true }, { text: '.' }] },
        { kind: 'bullets', items: [[{ text: 'Ý một' }]] },
      ],
    });
    expect('issuer' in input).toBe(false);
  });

  it('checks subject, symbol and recipients before sending', () => {
    expect(validateForm(emptyForm()).map((p) => p.key)).toEqual(['needSubject', 'needSymbol']);
    expect(validateForm(emptyForm({ subject: 'x', symbol: 'UBND VX' }))[0]?.key).toBe('badSymbol');
    expect(validateForm(emptyForm({ subject: 'x', docType: 'KH', symbol: 'UBND' }))[0]?.key).toBe('symbolPrefix');
    expect(validateForm(emptyForm({ subject: 'x', symbol: 'UBND' }), true)[0]?.key).toBe('needRecipients');
  });
});
