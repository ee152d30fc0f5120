import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedDispatch } from '../../../../shared/dispatch.ts';
import { EVAL_FIELDS, evaluateFolder } from './eval.ts';
import { parseDispatch } from './parse.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../assets/seeds');

describe('seed dispatches match their gold annotation field by field', () => {
  for (const n of ['000', '001', '002', '003', '004']) {
    const parsed = parseDispatch(readFileSync(path.join(seedsDir, `${n}.txt`), 'utf8'));
    const gold = JSON.parse(readFileSync(path.join(seedsDir, `${n}.gold.json`), 'utf8')) as ParsedDispatch;
    for (const field of EVAL_FIELDS) {
      it(`${n} ${field}`, () => expect(parsed[field]).toEqual(gold[field]));
    }
  }

  it('the eval reports 100% on every field', async () => {
    const report = await evaluateFolder(seedsDir);
    expect(report.documents).toBe(5);
    expect(report.failures).toEqual([]);
    expect(report.overall).toBe(1);
  });
});

describe('messy real-world text', () => {
  it('reads a whole header printed on one line (columns interleaved)', () => {
    const d = parseDispatch(
      'UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc ' +
        'Số: 123/STTTT-TTBCXB Lạng Sơn, ngày 05 tháng 02 năm 2020 V/v tăng cường tuyên truyền\n' +
        'Kính gửi: Sở Y tế tỉnh Lạng Sơn.\n' +
        'Sở Thông tin và Truyền thông đề nghị Sở Y tế cung cấp thông tin./.\n',
    );
    expect(d).toMatchObject({
      issuerParent: 'UBND TỈNH LẠNG SƠN',
      issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: '123',
      symbol: 'STTTT-TTBCXB',
      docType: 'CV',
      place: 'Lạng Sơn',
      date: '2020-02-05',
      subject: 'tăng cường tuyên truyền',
      recipients: ['Sở Y tế tỉnh Lạng Sơn'],
    });
    expect(d.body).toEqual(['Sở Thông tin và Truyền thông đề nghị Sở Y tế cung cấp thông tin./.']);
  });

  it('reads Số and V/v printed before the Quốc hiệu, with a blank number and day (draft)', () => {
    const d = parseDispatch(
      'Số:      /UBND-VX\nV/v phòng, chống\ndịch bệnh\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n' +
        'Sìn Hồ, ngày      tháng 02 năm 2020\nKính gửi: UBND các xã.\nNội dung./.',
    );
    expect(d).toMatchObject({ number: null, symbol: 'UBND-VX', place: 'Sìn Hồ', date: '2020-02', subject: 'phòng, chống dịch bệnh' });
  });

  it('removes stray spaces in symbols, keeps "&", and canonicalises ASCII stand-ins of type codes', () => {
    const d = parseDispatch('Số: 15/CD- UBND\nLai Châu, ngày 07 tháng 3 năm 2020\nThực hiện Công văn số 12/VHTT-TT&TT ngày 01/3/2020 và Quyết định 34/2007/QD-TTg./.');
    expect(d.symbol).toBe('CĐ-UBND');
    expect(d.docType).toBe('CĐ');
    expect(d.citations).toEqual([
      { type: 'Công văn', number: '12', symbol: 'VHTT-TT&TT', date: '2020-03-01' },
      { type: 'Quyết định', number: '34', symbol: '2007/QĐ-TTg', date: null },
    ]);
  });

  it('reads Party-style numbers, titles and "T/M" signatures', () => {
    const d = parseDispatch(
      'HUYỆN ỦY TAM ĐƯỜNG                 ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 867-KL/HU                 Tam Đường, ngày 10 tháng 3 năm 2021\n\n' +
        'KẾT LUẬN\ncủa Ban Thường vụ Huyện ủy về công tác tuyên truyền\n\n' +
        'Ngày 08/3/2021, Ban Thường vụ Huyện ủy họp, kết luận như sau:\n1. Ban Tuyên giáo Huyện ủy:\n' +
        '- Quán triệt Kết luận số 12-KL/TW ngày 05/01/2021 của Bộ Chính trị.\n\n' +
        'Nơi nhận:\n- Các chi, đảng bộ cơ sở,\n- Lưu Văn phòng Huyện ủy.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nSùng Lữ Páo',
    );
    expect(d).toMatchObject({
      issuer: 'HUYỆN ỦY TAM ĐƯỜNG',
      number: '867',
      symbol: 'KL/HU',
      docType: 'KL',
      subject: 'của Ban Thường vụ Huyện ủy về công tác tuyên truyền',
      cc: ['Các chi, đảng bộ cơ sở'],
      archive: 'Văn phòng Huyện ủy',
      signerAuthority: 'TM.',
      signerPosition: 'BAN THƯỜNG VỤ',
      signerTitle: 'PHÓ BÍ THƯ',
      signerName: 'Sùng Lữ Páo',
    });
    expect(d.citations).toEqual([{ type: 'Kết luận', number: '12', symbol: 'KL/TW', date: '2021-01-05' }]);
    expect(d.sections[0]?.addressees).toEqual(['Ban Tuyên giáo Huyện ủy']);
  });

  it('reads a typed document with urgency, Roman sections and a two-column signature', () => {
    const d = parseDispatch(
      'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nHỎA TỐC\nSố: 15/CĐ-UBND\nLai Châu, ngày 07 tháng 3 năm 2020\nCÔNG ĐIỆN\n' +
        'Về việc tăng cường phòng, chống dịch Covid-19\nCHỦ TỊCH UBND TỈNH điện:\n- Giám đốc các sở, ban, ngành tỉnh;\n' +
        '- Chủ tịch UBND các huyện, thành phố.\nI. TÌNH HÌNH\nDịch bệnh diễn biến phức tạp.\nII. NHIỆM VỤ\n' +
        '1. Sở Y tế báo cáo tình hình dịch trước 15h30 hằng ngày./.\n' +
        'Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n- Như trên;                                 PHÓ CHỦ TỊCH\n- Lưu: VT, VX.\n\nNguyễn Văn C',
    );
    expect(d).toMatchObject({
      issuerParent: null,
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      urgency: 'HỎA TỐC',
      docType: 'CĐ',
      subject: 'Về việc tăng cường phòng, chống dịch Covid-19',
      recipients: ['Giám đốc các sở, ban, ngành tỉnh', 'Chủ tịch UBND các huyện, thành phố'],
      cc: ['Như trên'],
      archive: 'VT, VX',
      signerAuthority: 'TM.',
      signerPosition: 'ỦY BAN NHÂN DÂN',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signerName: 'Nguyễn Văn C',
    });
    expect(d.sections.map((s) => [s.number, s.heading])).toEqual([
      ['I', 'TÌNH HÌNH'],
      ['II', 'NHIỆM VỤ'],
    ]);
    expect(d.deadlines).toEqual([{ text: 'trước 15h30 hằng ngày', schedule: { kind: 'daily', time: '15:30', from: null, until: null } }]);
  });

  it('handles markdown emphasis, curly quotes, markdown links, phones and e-mails', () => {
    const d = parseDispatch(
      'Số: 5/SYT\nĐiện Biên, ngày 02 tháng 4 năm 2021\n**V/v** *báo cáo “nhanh”*\n**Kính gửi:** Các cơ sở y tế.\n' +
        'Đề nghị các đơn vị **báo cáo** số ca bệnh (gồm: số ca mắc; số ca tử vong) về Sở Y tế qua [bc@syt.gov.vn](mailto:bc@syt.gov.vn) ' +
        'trước 16h00’ ngày thứ sáu hàng tuần; liên hệ 0912 345 678 hoặc xem [www.syt.gov.vn](http://www.syt.gov.vn)./.',
    );
    expect(d.subject).toBe('báo cáo “nhanh”');
    expect(d.recipients).toEqual(['Các cơ sở y tế']);
    expect(d.emails).toEqual(['bc@syt.gov.vn']);
    expect(d.urls).toEqual(['www.syt.gov.vn']);
    expect(d.phones).toEqual(['0912345678']);
    expect(d.deadlines[0]).toEqual({
      text: 'trước 16h00’ ngày thứ sáu hàng tuần',
      schedule: { kind: 'weekly', weekday: 5, time: '16:00', from: null, until: null },
    });
    expect(d.reportForm).toMatchObject({ indicators: ['số ca mắc', 'số ca tử vong'], channel: 'bc@syt.gov.vn', recipient: 'Sở Y tế' });
    expect(d.body[0]).toContain('**báo cáo**');
  });

  it('resolves one-off, monthly and relative deadlines against the document date', () => {
    const d = parseDispatch(
      'Số: 7/UBND\nMường Tè, ngày 20 tháng 12 năm 2021\nKính gửi: UBND các xã.\n' +
        'Các xã gửi báo cáo chậm nhất ngày 05/01; báo cáo trước ngày 25 hàng tháng; khắc phục trong vòng 10 ngày./.',
    );
    expect(d.deadlines).toEqual([
      { text: 'báo cáo chậm nhất ngày 05/01', schedule: { kind: 'once', at: '2022-01-05T23:59:00+07:00' } },
      { text: 'báo cáo trước ngày 25 hàng tháng', schedule: { kind: 'monthly', day: 25, time: '23:59', from: null, until: null } },
      { text: 'trong vòng 10 ngày', schedule: { kind: 'relative', days: 10, from: '2021-12-20' } },
    ]);
  });

  it('NFC-normalises decomposed input', () => {
    const d = parseDispatch('Số: 1/UBND\nV/v ho\u0302̃ trợ\nKính gửi: Sở Y tế.\nNội dung./.'.normalize('NFD'));
    expect(d.subject).toBe('hỗ trợ');
    expect(d.recipients).toEqual(['Sở Y tế']);
  });

  it('returns a partial result with a warning past the time limit', () => {
    const d = parseDispatch(readFileSync(path.join(seedsDir, '004.txt'), 'utf8'), { timeLimitMs: -1 });
    expect(d.warnings?.[0]).toMatch(/thời gian/);
  });
});
