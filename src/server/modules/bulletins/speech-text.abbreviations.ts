/**
 * What the speech text (speech-text.ts) reads for the abbreviations of administrative and health
 * bulletins. Keys match case-sensitively as whole words; an all-capitals abbreviation not listed here is
 * spelt with Vietnamese letter names ("VT" → "vê tê"), see `spellLetters`.
 */

/** Abbreviations that may contain digits or punctuation: replaced before numbers are read. */
export const SPECIAL_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/SARS[\s-]*CoV[\s-]*2/giu, 'sát cô vi hai'],
  [/(?<![\p{L}\p{N}])(?:n|2019-n)CoV(?![\p{L}\p{N}])/gu, 'en cô vi'],
  [/(?<![\p{L}\p{N}])Covid[\s-]*19(?![\p{L}\p{N}])/giu, 'cô vít mười chín'],
  [/(?<![\p{L}\p{N}])Covid(?![\p{L}\p{N}])/giu, 'cô vít'],
  [/(?<![\p{L}\p{N}])5K(?![\p{L}\p{N}])/gu, 'năm ca'],
  [/(?<![\p{L}\p{N}])F([0-9])(?![\p{L}\p{N}])/gu, 'ép $1'],
  [/(?<![\p{L}\p{N}])TP\.\s*HCM(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])TPHCM(?![\p{L}\p{N}])/gu, 'thành phố Hồ Chí Minh'],
  [/(?<![\p{L}\p{N}])(?:TP|Tp)\.\s*/gu, 'thành phố '],
  [/(?<![\p{L}\p{N}])TX\.\s*/gu, 'thị xã '],
  [/(?<![\p{L}\p{N}])TT\.\s*/gu, 'thị trấn '],
  [/(?<![\p{L}\p{N}])[Vv]\/v(?![\p{L}\p{N}])/gu, 'về việc'],
  [/(?<![\p{L}\p{N}])[Đđ]\/c(?![\p{L}\p{N}])/gu, 'đồng chí'],
  [/(?<![\p{L}\p{N}])v\.v\.?/gu, 'vân vân'],
];

/** Units after a number ("5 km", "120m2", "30°C", "50.000đ"): replaced right after the digits. */
export const UNITS: readonly (readonly [string, string])[] = [
  ['km2', 'ki lô mét vuông'],
  ['km²', 'ki lô mét vuông'],
  ['km/h', 'ki lô mét một giờ'],
  ['km', 'ki lô mét'],
  ['m2', 'mét vuông'],
  ['m²', 'mét vuông'],
  ['m3', 'mét khối'],
  ['m³', 'mét khối'],
  ['mm', 'mi li mét'],
  ['cm', 'xen ti mét'],
  ['ha', 'héc ta'],
  ['kg', 'ki lô gam'],
  ['mg', 'mi li gam'],
  ['ml', 'mi li lít'],
  ['°C', 'độ xê'],
  ['ºC', 'độ xê'],
  ['độ C', 'độ xê'],
  ['VNĐ', 'đồng'],
  ['VND', 'đồng'],
  ['đ', 'đồng'],
  ['m', 'mét'],
];

/** Whole-word abbreviations (case-sensitive). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'ủy ban nhân dân',
  HĐND: 'hội đồng nhân dân',
  BCĐ: 'ban chỉ đạo',
  BCH: 'ban chấp hành',
  MTTQ: 'mặt trận tổ quốc',
  TW: 'trung ương',
  BTTTT: 'bộ thông tin và truyền thông',
  STTTT: 'sở thông tin và truyền thông',
  TTTT: 'thông tin và truyền thông',
  VHTTDL: 'văn hóa, thể thao và du lịch',
  VHTT: 'văn hóa thông tin',
  VHXH: 'văn hóa xã hội',
  CNTT: 'công nghệ thông tin',
  BCVT: 'bưu chính viễn thông',
  BYT: 'bộ y tế',
  SYT: 'sở y tế',
  TTYT: 'trung tâm y tế',
  TYT: 'trạm y tế',
  WHO: 'tổ chức y tế thế giới',
  PCT: 'phó chủ tịch',
  KP: 'khu phố',
  HTX: 'hợp tác xã',
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  PCCC: 'phòng cháy chữa cháy',
  CNCH: 'cứu nạn cứu hộ',
  PCTT: 'phòng chống thiên tai',
  TKCN: 'tìm kiếm cứu nạn',
  CSGT: 'cảnh sát giao thông',
  CAND: 'công an nhân dân',
  ANTT: 'an ninh trật tự',
  ATGT: 'an toàn giao thông',
  ATTP: 'an toàn thực phẩm',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  CMND: 'chứng minh nhân dân',
  CCCD: 'căn cước công dân',
  GTVT: 'giao thông vận tải',
  GDĐT: 'giáo dục và đào tạo',
  'GD&ĐT': 'giáo dục và đào tạo',
  'NN&PTNT': 'nông nghiệp và phát triển nông thôn',
  'TN&MT': 'tài nguyên và môi trường',
  LĐTBXH: 'lao động thương binh và xã hội',
  NNPTNT: 'nông nghiệp và phát triển nông thôn',
  TNMT: 'tài nguyên và môi trường',
  KTXH: 'kinh tế xã hội',
  SĐT: 'số điện thoại',
  ĐT: 'điện thoại',
  VN: 'Việt Nam',
  TTg: 'thủ tướng',
};

/** Vietnamese letter names, as letters of an abbreviation are read. */
const LETTERS: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'gờ',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'lờ',
  M: 'mờ',
  N: 'nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'rờ',
  S: 'ét',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích',
  Y: 'i dài',
  Z: 'dét',
};

/** "VT" → "vê tê". */
export function spellLetters(s: string): string {
  return [...s].map((c) => LETTERS[c] ?? c).join(' ');
}

/** A single Vietnamese syllable without tone marks ("BAN", "TRUNG", "HOA"): read as a word, not spelt. */
const SYLLABLE = /^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$/iu;

export function isSyllable(s: string): boolean {
  return SYLLABLE.test(s);
}
