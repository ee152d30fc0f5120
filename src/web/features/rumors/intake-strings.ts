// Strings of the staff entry form ("Nhập phản ánh"), Vietnamese first.
import type { Lang } from '../../i18n.ts';

const vi = {
  title: 'Nhập phản ánh tin sai sự thật',
  intro: 'Cán bộ nhập phản ánh nhận qua điện thoại, trực tiếp hoặc văn bản. Phản ánh được gom vào vụ việc cùng nội dung (hoặc mở vụ việc mới).',
  description: 'Mô tả nội dung thông tin',
  links: 'Đường liên kết (mỗi dòng một liên kết, tối đa 10)',
  seenAt: 'Thời điểm thấy thông tin (giờ Việt Nam)',
  file: (types: string) => `Ảnh chụp màn hình hoặc tệp (${types}; tối đa 10 MB)`,
  fileTooBig: 'Tệp lớn hơn 10 MB.',
  fileType: (types: string) => `Chỉ nhận tệp ${types}.`,
  informant: 'Thông tin người phản ánh (không bắt buộc, được mã hóa và bảo mật)',
  informantNote: 'Chỉ trưởng nhóm xử lý tin sai sự thật của đơn vị xem được khi cần, có ghi lý do. Người để lại điện thoại hoặc thư điện tử được báo kết quả.',
  name: 'Họ tên',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  socialId: 'Tài khoản mạng xã hội',
  needOne: 'Cần mô tả hoặc ít nhất một liên kết.',
  tooManyLinks: 'Tối đa 10 liên kết.',
  badLink: (line: string) => `Liên kết không hợp lệ (phải bắt đầu bằng http:// hoặc https://): ${line}`,
  submit: 'Lưu phản ánh',
  cancel: 'Hủy',
  filedNew: (report: string, kase: string) => `Đã nhận phản ánh ${report}: mở vụ việc mới ${kase}.`,
  filedJoined: (report: string, kase: string) => `Đã nhận phản ánh ${report}: gom vào vụ việc ${kase}.`,
};

const en: typeof vi = {
  title: 'Enter a misinformation report',
  intro: 'Staff enter reports received by phone, in person or in writing. A report joins the case about the same claim (or opens a new one).',
  description: 'What the information says',
  links: 'Links (one per line, at most 10)',
  seenAt: 'When it was seen (Viet Nam time)',
  file: (types: string) => `Screenshot or file (${types}; at most 10 MB)`,
  fileTooBig: 'The file is larger than 10 MB.',
  fileType: (types: string) => `Only ${types} files.`,
  informant: 'Informant (optional, encrypted and confidential)',
  informantNote: "Only the unit's misinformation desk lead sees it when needed, with a reason. Someone who leaves a phone or e-mail is told the outcome.",
  name: 'Name',
  phone: 'Phone',
  email: 'E-mail',
  socialId: 'Social account',
  needOne: 'A description or at least one link is needed.',
  tooManyLinks: 'At most 10 links.',
  badLink: (line: string) => `Invalid link (must start with http:// or https://): ${line}`,
  submit: 'Save the report',
  cancel: 'Cancel',
  filedNew: (report: string, kase: string) => `Report ${report} received: new case ${kase}.`,
  filedJoined: (report: string, kase: string) => `Report ${report} received: joined case ${kase}.`,
};

export function intakeStrings(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
