// The CAP 1.2 rules the XSD does not check (from the OASIS standard's text; assets/cap-1.2/README.md), each a
// Vietnamese message naming the field. Pure: checked before publication next to the XSD validation.
import type { CapProblem } from '../../../shared/contracts/alerts.ts';
import type { CapMessage } from './cap-xml.ts';

/** CAP dateTime: whole seconds and a numeric offset ("-00:00" for UTC), never "Z". */
const CAP_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
/** identifier and sender: no spaces, commas and restricted characters "<" and "&". */
const FORBIDDEN_IN_ID = /[\s,<&]/u;
const PAIR = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/;

const problem = (field: string, message: string): CapProblem => ({ field, message });

export function checkDateTime(field: string, value: string | null): CapProblem[] {
  if (value === null) return [];
  if (/[zZ]$/.test(value)) return [problem(field, `Thời điểm "${value}" phải ghi độ lệch múi giờ bằng số (ví dụ +07:00), không dùng "Z".`)];
  if (!CAP_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    return [problem(field, `Thời điểm "${value}" không đúng dạng CAP (YYYY-MM-DDThh:mm:ss+07:00).`)];
  }
  return [];
}

export function checkIdentifierLike(field: string, value: string): CapProblem[] {
  if (value.length === 0) return [problem(field, 'Không được để trống.')];
  if (FORBIDDEN_IN_ID.test(value)) return [problem(field, `"${value}" không được chứa dấu cách, dấu phẩy, "<" hoặc "&".`)];
  return [];
}

/** "lat,lon" pairs separated by spaces, at least 4, the first equal to the last, in range. */
export function checkPolygon(field: string, polygon: string): CapProblem[] {
  const pairs = polygon.trim().split(/\s+/);
  const out: CapProblem[] = [];
  if (pairs.length < 4) out.push(problem(field, `Đa giác cần ít nhất 4 cặp "vĩ độ,kinh độ" (có ${pairs.length}).`));
  if (pairs[0] !== pairs[pairs.length - 1]) out.push(problem(field, 'Đa giác phải khép kín: cặp tọa độ đầu tiên và cuối cùng phải trùng nhau.'));
  const bad = pairs.find((p) => {
    const m = PAIR.exec(p);
    return !m || Math.abs(Number(m[1])) > 90 || Math.abs(Number(m[2])) > 180;
  });
  if (bad !== undefined) out.push(problem(field, `Cặp tọa độ "${bad}" không phải "vĩ độ,kinh độ" hợp lệ.`));
  return out;
}

/** references: "sender,identifier,sent" triples separated by spaces, each part valid. */
export function checkReferences(references: string): CapProblem[] {
  const out: CapProblem[] = [];
  for (const triple of references.trim().split(/\s+/)) {
    const parts = triple.split(',');
    if (parts.length !== 3) {
      out.push(problem('references', `"${triple}" phải có dạng "người gửi,mã cảnh báo,thời điểm gửi".`));
      continue;
    }
    const [sender = '', identifier = '', sent = ''] = parts;
    out.push(...checkIdentifierLike('references', sender), ...checkIdentifierLike('references', identifier), ...checkDateTime('references', sent));
  }
  return out;
}

/** Every rule beyond the XSD; empty when the message may be published. */
export function checkCapRules(m: CapMessage): CapProblem[] {
  const out: CapProblem[] = [...checkIdentifierLike('identifier', m.identifier), ...checkIdentifierLike('sender', m.sender), ...checkDateTime('sent', m.sent)];
  if (m.msgType === 'Alert' && m.references) out.push(problem('references', 'Cảnh báo mới (Alert) không được có references.'));
  if (m.msgType !== 'Alert') {
    if (!m.references) out.push(problem('references', `Bản tin ${m.msgType === 'Update' ? 'cập nhật (Update)' : 'hủy (Cancel)'} phải có references tới các bản tin trước.`));
    else out.push(...checkReferences(m.references));
  }
  if (m.infos.length === 0) out.push(problem('info', 'Cần ít nhất một khối thông tin (info).'));
  const sent = Date.parse(m.sent);
  m.infos.forEach((info, i) => {
    const at = `info[${i}]`;
    out.push(...checkDateTime(`${at}.effective`, info.effective), ...checkDateTime(`${at}.onset`, info.onset), ...checkDateTime(`${at}.expires`, info.expires));
    const expires = Date.parse(info.expires);
    if (!Number.isNaN(sent) && !Number.isNaN(expires) && expires <= sent) out.push(problem(`${at}.expires`, 'Thời điểm hết hiệu lực (expires) phải sau thời điểm gửi (sent).'));
    if (!info.description.trim()) out.push(problem(`${at}.description`, 'Cần nội dung mô tả (description).'));
    if (info.areas.length === 0) out.push(problem(`${at}.area`, 'Cần ít nhất một vùng cảnh báo (area).'));
    info.areas.forEach((a, j) => {
      if (!a.areaDesc.trim()) out.push(problem(`${at}.area[${j}].areaDesc`, 'Cần tên vùng (areaDesc).'));
      a.polygons.forEach((p, k) => out.push(...checkPolygon(`${at}.area[${j}].polygon[${k}]`, p)));
    });
  });
  return out;
}
