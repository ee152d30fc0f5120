/**
 * The report the dispatch asks for ("báo cáo … số lượng tin, bài; … trước 16h00 ngày thứ năm
 * hàng tuần"): its indicators, channel (e-mail or URL), recipient and schedule.
 */
import type { Deadline, ReportForm } from '../../../../shared/dispatch.ts';
import { emails, urls } from './entities.ts';
import { plain } from './text.ts';

const REPORT_RE = /(?<![\p{L}])báo cáo(?!\s+viên)(?![\p{L}])/u;
const INDICATORS_RE = /(?:nêu rõ|bao gồm|gồm|các chỉ tiêu|các nội dung)\s*:?\s*([^()]{3,400}?)\s*(?:\)|$|\.(?:\s|$))/iu;
const RECIPIENT_RE =
  /(?:gửi\s+)?về\s+((?:Phòng|Sở|UBND|Ủy ban|Uỷ ban|Văn phòng|Ban|Trung tâm|Bộ|Cục|Đài|Chi cục)[^,;:()]{0,120}?)\s+(?:qua|trước|bằng|theo|để|trong|chậm|tại)(?![\p{L}])/u;

/** The first paragraph that asks for a report with indicators or a deadline, read as a form. */
export function reportForm(paragraphs: string[], deadlinesOf: (text: string) => Deadline[]): ReportForm | null {
  for (const p of paragraphs) {
    const text = plain(p);
    if (!REPORT_RE.test(text)) continue;
    const indicators = (INDICATORS_RE.exec(text)?.[1] ?? '')
      .split(';')
      .map((s) => s.replace(/[.,\s]+$/, '').trim())
      .filter((s) => s !== '');
    const deadline = deadlinesOf(text)[0] ?? null;
    if (indicators.length === 0 && deadline === null) continue;
    return {
      indicators,
      channel: emails(text)[0] ?? urls(text)[0] ?? null,
      schedule: deadline?.schedule ?? null,
      deadlineText: deadline?.text ?? null,
      recipient: RECIPIENT_RE.exec(text)?.[1]?.trim() ?? null,
    };
  }
  return null;
}
