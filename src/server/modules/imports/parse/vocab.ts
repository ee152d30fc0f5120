/**
 * Vocabulary of Decree 30/2020/NĐ-CP (Phụ lục III) and of the genre: document type names and
 * their abbreviations, signing authorities, urgency marks, the words that open the name of an
 * organisation and the verbs that end a recipient group in a sentence.
 */
import { fold } from './text.ts';

/** Type name → abbreviation (Phụ lục III, plus legal documents and Party documents cited in dispatches). */
const DOC_TYPES: ReadonlyArray<readonly [name: string, code: string]> = [
  ['Công văn', 'CV'],
  ['Nghị quyết', 'NQ'],
  ['Quyết định', 'QĐ'],
  ['Chỉ thị', 'CT'],
  ['Quy chế', 'QC'],
  ['Quy định', 'QyĐ'],
  ['Thông cáo', 'TC'],
  ['Thông báo', 'TB'],
  ['Hướng dẫn', 'HD'],
  ['Chương trình', 'CTr'],
  ['Kế hoạch', 'KH'],
  ['Phương án', 'PA'],
  ['Đề án', 'ĐA'],
  ['Dự án', 'DA'],
  ['Báo cáo', 'BC'],
  ['Biên bản', 'BB'],
  ['Tờ trình', 'TTr'],
  ['Hợp đồng', 'HĐ'],
  ['Công điện', 'CĐ'],
  ['Bản ghi nhớ', 'GN'],
  ['Bản thỏa thuận', 'TTh'],
  ['Giấy ủy quyền', 'GUQ'],
  ['Giấy mời', 'GM'],
  ['Giấy giới thiệu', 'GGT'],
  ['Giấy nghỉ phép', 'GNP'],
  ['Phiếu gửi', 'PG'],
  ['Phiếu chuyển', 'PC'],
  ['Phiếu báo', 'PB'],
  ['Kết luận', 'KL'],
  ['Nghị định', 'NĐ'],
  ['Thông tư liên tịch', 'TTLT'],
  ['Thông tư', 'TT'],
  ['Luật', 'QH'],
  ['Pháp lệnh', 'PL'],
];

const BY_CODE = new Map<string, { name: string; code: string }>();
const BY_ASCII_CODE = new Map<string, { name: string; code: string }>();
const CODE_BY_FOLDED_NAME = new Map<string, string>();
for (const [name, code] of DOC_TYPES) {
  if (code !== 'QH') {
    BY_CODE.set(code, { name, code });
    BY_ASCII_CODE.set(code.replace(/Đ/g, 'D'), { name, code });
  }
  CODE_BY_FOLDED_NAME.set(fold(name), code);
}

/**
 * Resolves a type abbreviation as printed (also ASCII stand-ins such as "CD" for "CĐ",
 * "QD" for "QĐ"; an exact code such as "HD" or "DA" always wins) to its spelling and name.
 */
export function docTypeByCode(printed: string): { name: string; code: string } | null {
  return BY_CODE.get(printed) ?? BY_ASCII_CODE.get(printed) ?? null;
}

/** Abbreviation of a type name ("Kế hoạch" → "KH"), case- and diacritic-insensitive. */
export function docTypeCodeByName(name: string): string | null {
  return CODE_BY_FOLDED_NAME.get(fold(name).replace(/\s+/g, ' ').trim()) ?? null;
}

/** Alternation of all type names, longest first, for building regexes (case-insensitive use). */
export const DOC_TYPE_NAMES_PATTERN = [...DOC_TYPES.map(([name]) => name), 'Văn bản', 'Bộ luật'].sort((a, b) => b.length - a.length).join('|');

/** Upper-case type titles that open a typed document ("KẾ HOẠCH", "THÔNG BÁO" …). */
export const TITLE_PATTERN = DOC_TYPES.filter(([, code]) => code !== 'CV' && code !== 'QH')
  .map(([name]) => name.toUpperCase())
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Signing authority marks, including Party-style slashed forms ("T/M"). */
export const AUTHORITY_RE = /^(KT|TM|TL|TUQ|Q|K\/T|T\/M|T\/L)\s*[.:]?\s+(\S.*)$/u;

/** Normalises a printed authority mark to the Decree 30 form ("T/M" → "TM."). */
export function normalizeAuthority(printed: string): string {
  return `${printed.replace('/', '').toUpperCase()}.`;
}

/** Urgency marks (Decree 30, Điều 15), upper-case as printed on the document. */
export const URGENCY_RE = /(?<![\p{L}])(HỎA TỐC(?: HẸN GIỜ)?|HOẢ TỐC(?: HẸN GIỜ)?|THƯỢNG KHẨN|KHẨN)(?![\p{L}])/u;

/** Words that open the name of an organisation or a recipient group (folded, for prefix tests). */
const UNIT_HEADS = [
  'ubnd',
  'hdnd',
  'uy ban',
  'hoi dong',
  'so',
  'phong',
  'dai',
  'ban',
  'bao',
  'bo',
  'cuc',
  'tong cuc',
  'chi cuc',
  'vu',
  'trung tam',
  'cong thong tin',
  'cong an',
  'buu dien',
  'van phong',
  'vien thong',
  'viettel',
  'vnpt',
  'hoi',
  'hiep hoi',
  'doan',
  'tram',
  'truong',
  'benh vien',
  'huyen uy',
  'tinh uy',
  'thanh uy',
  'dang uy',
  'bch',
  'bo chi huy',
  'mat tran',
  'lien doan',
  'toa an',
  'vien kiem sat',
  'kho bac',
  'chi nhanh',
  'tong cong ty',
  'cong ty',
  'doanh nghiep',
  'ngan hang',
  'chu tich',
  'lanh dao',
  'thu truong',
  'cac',
  'tt',
  'tat ca',
  'to chuc',
  'thuong truc',
  'co quan',
  'don vi',
  'thong tan xa',
  'nha',
  'quy',
];
const UNIT_HEAD_RE = new RegExp(`^(?:${UNIT_HEADS.sort((a, b) => b.length - a.length).join('|')})(?![a-z])`);

/** True when the text starts like the name of a unit or a group of units. */
export function startsWithUnit(text: string): boolean {
  return UNIT_HEAD_RE.test(fold(text.trim()));
}

/** Upper-case words that open the name of an issuing body in a header (parent/issuer split). */
export const ISSUER_HEAD_RE =
  /(?<![\p{L}])(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND|TỔNG CỤC|CHI CỤC|CỤC|SỞ|PHÒNG|VĂN PHÒNG|TRUNG TÂM|ĐÀI|BAN|BỘ CHỈ HUY|BỘ|VỤ|HUYỆN ỦY|HUYỆN UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CÔNG AN|BỆNH VIỆN|TRƯỜNG|BÁO|HỘI|ĐOÀN|MẶT TRẬN|CHI NHÁNH|CÔNG TY|TỔNG CÔNG TY|BƯU ĐIỆN|VIỄN THÔNG|KHO BẠC|THANH TRA|TRẠM)(?![\p{L}])/gu;

/** Verbs that end a recipient group at the start of a sentence ("UBND các xã cử cán bộ …"). */
const ACTION_VERBS = [
  'xây dựng',
  'báo cáo',
  'triển khai',
  'thực hiện',
  'chỉ đạo',
  'cử',
  'tăng cường',
  'quyết liệt',
  'cung cấp',
  'phối hợp',
  'tập trung',
  'tiếp tục',
  'có trách nhiệm',
  'chủ động',
  'yêu cầu',
  'quan tâm',
  'tổ chức',
  'hướng dẫn',
  'tuyên truyền',
  'đẩy mạnh',
  'rà soát',
  'kiểm tra',
  'theo dõi',
  'gửi',
  'nghiên cứu',
  'bố trí',
  'khẩn trương',
  'nghiêm túc',
  'thường xuyên',
  'đăng tải',
  'phát',
  'cập nhật',
  'duy trì',
  'tích cực',
  'giao',
  'đề nghị',
  'lập',
  'ban hành',
  'xử lý',
  'chịu trách nhiệm',
  'căn cứ',
  'phổ biến',
  'vận động',
  'huy động',
  'đôn đốc',
  'tham mưu',
  'phân công',
  'đảm bảo',
  'bảo đảm',
  'nắm bắt',
  'tổng hợp',
  'khai thác',
  'sử dụng',
];
/** Matches the first action verb preceded by a space (used to cut a group from its predicate). */
export const ACTION_VERB_RE = new RegExp(`\\s(?:${ACTION_VERBS.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'u');

/** Folded weekday word or digit after "thứ" → ISO weekday (1 = Monday); "chủ nhật" is 7. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  hai: 1,
  '2': 1,
  ba: 2,
  '3': 2,
  tu: 3,
  '4': 3,
  nam: 4,
  '5': 4,
  sau: 5,
  '6': 5,
  bay: 6,
  '7': 6,
};
