import { describe, expect, it } from 'vitest';
import { toSpokenVietnamese } from './speech-text.ts';
import { decimalWords, integerWords } from './speech-text.numbers.ts';
import { SEED_002_BULLETIN } from '../../../../test/builders/speech.ts';

describe('integerWords', () => {
  it.each([
    ['0', 'không'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['15', 'mười lăm'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['1234', 'một nghìn hai trăm ba mươi tư'],
    ['2021', 'hai nghìn không trăm hai mươi mốt'],
    ['1000000', 'một triệu'],
    ['3500000000', 'ba tỷ năm trăm triệu'],
    ['05', 'năm'],
  ])('%s → %s', (n, words) => {
    expect(integerWords(n)).toBe(words);
  });

  it('reads a decimal with "phẩy", leading zeros of the fraction one by one', () => {
    expect(decimalWords('2', '5')).toBe('hai phẩy năm');
    expect(decimalWords('0', '05')).toBe('không phẩy không năm');
  });
});

describe('toSpokenVietnamese', () => {
  it('reads a seed-002 style bulletin: numbers, dates, times, abbreviations, phone, end marks', () => {
    expect(toSpokenVietnamese(SEED_002_BULLETIN).split('\n')).toEqual([
      'THÔNG BÁO của ủy ban nhân dân xã Bình Lư',
      '',
      'Thực hiện Thông báo số sáu mươi hai tê bê ủy ban nhân dân ngày một tháng hai năm hai nghìn không trăm hai mươi mốt của ủy ban nhân dân huyện Tam Đường và chỉ đạo của ban chỉ đạo phòng, chống dịch bệnh cô vít mười chín huyện, từ mười lăm giờ ngày năm tháng hai năm hai nghìn không trăm hai mươi mốt:',
      'Một. Toàn xã có một nghìn hai trăm ba mươi tư hộ; đến nay hai mươi mốt bản đã có một trăm linh năm hộ (tám phẩy năm phần trăm) cài đặt ứng dụng Bluezone.',
      'Hai. Đề nghị Nhân dân thực hiện năm ca; trường hợp ép không, ép một báo ngay cho Trạm y tế xã qua số không chín một hai, ba bốn năm, sáu bảy tám.',
      'Ba. Các bản báo cáo về ủy ban nhân dân xã trước mười sáu giờ ngày thứ năm hàng tuần trong tháng hai năm hai nghìn không trăm hai mươi mốt (ngày năm tháng hai năm hai nghìn không trăm hai mươi mốt là kỳ đầu).',
    ]);
  });

  it.each([
    ['16h30', 'Mười sáu giờ ba mươi phút'],
    ['lúc 7 giờ 30', 'Lúc bảy giờ ba mươi phút'],
    ['7 giờ 30 phút sáng', 'Bảy giờ ba mươi phút sáng'],
    ['từ 7h-11h', 'Từ bảy giờ đến mười một giờ'],
    ['15:45', 'Mười lăm giờ bốn mươi lăm phút'],
  ])('time %s', (text, spoken) => {
    expect(toSpokenVietnamese(text)).toBe(spoken);
  });

  it.each([
    ['ngày 31/01/2021', 'Ngày ba mươi mốt tháng một năm hai nghìn không trăm hai mươi mốt'],
    ['hạn 30/4', 'Hạn ngày ba mươi tháng tư'],
    ['tháng 4/2021', 'Tháng tư năm hai nghìn không trăm hai mươi mốt'],
    ['từ ngày 15-16/02', 'Từ ngày mười lăm đến mười sáu tháng hai'],
    ['trực 24/24h', 'Trực hai mươi tư trên hai mươi tư giờ'],
    ['thứ 4, lần thứ 1', 'Thứ tư, lần thứ nhất'],
    ['quý IV, khóa XIV', 'Quý bốn, khóa mười bốn'],
  ])('date or order %s', (text, spoken) => {
    expect(toSpokenVietnamese(text)).toBe(spoken);
  });

  it.each([
    ['SARS-CoV-2 và COVID-19', 'Sát cô vi hai và cô vít mười chín'],
    ['Covid -19', 'Cô vít mười chín'],
    ['HĐND, MTTQ, Sở TTTT, Sở VHTTDL', 'Hội đồng nhân dân, mặt trận tổ quốc, Sở thông tin và truyền thông, Sở văn hóa, thể thao và du lịch'],
    ['TP. Lai Châu, KP 3', 'Thành phố Lai Châu, khu phố ba'],
    ['V/v Bluezone; Đ/c Páo', 'Về việc Bluezone; đồng chí Páo'],
    ['số 122/STTTT-BCVTCNTT', 'Số một trăm hai mươi hai sở thông tin và truyền thông bưu chính viễn thông công nghệ thông tin'],
    ['Lưu: VT.', 'Lưu: vê tê.'],
    ['BAN CHỈ ĐẠO', 'BAN CHỈ ĐẠO'],
  ])('abbreviation %s', (text, spoken) => {
    expect(toSpokenVietnamese(text)).toBe(spoken);
  });

  it.each([
    ['5 km, 120m2, 5ha, 30°C', 'Năm ki lô mét, một trăm hai mươi mét vuông, năm héc ta, ba mươi độ xê'],
    ['2.000.000đ', 'Hai triệu đồng'],
    ['100%', 'Một trăm phần trăm'],
    ['mục 1.2', 'Mục một chấm hai'],
    ['gọi 115', 'Gọi một một năm'],
    ['+84 912 345 678', 'Cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
  ])('unit, percent, phone %s', (text, spoken) => {
    expect(toSpokenVietnamese(text)).toBe(spoken);
  });

  it('reads addresses and strips markup', () => {
    expect(toSpokenVietnamese('Tài liệu tại <https://bluezone.gov.vn/tai-lieu>, email: a.b@laichau.gov.vn **gấp**')).toBe(
      'Tài liệu tại bluezone chấm gov chấm vn gạch chéo tai gạch ngang lieu, email: a chấm b a còng laichau chấm gov chấm vn gấp',
    );
  });

  it('is NFC in and out (decomposed input)', () => {
    const out = toSpokenVietnamese('UBND xã Bình Lư'.normalize('NFD'));
    expect(out).toBe('Ủy ban nhân dân xã Bình Lư');
    expect(out).toBe(out.normalize('NFC'));
  });
});
