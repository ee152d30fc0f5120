// Strings of clustering on a case (similar cases, merge, split) and of its spread, Vietnamese first.
import type { Lang } from '../../i18n.ts';
import { RUMOR_MATCH_LABELS } from '../../../shared/contracts/rumors-clustering.ts';
import type { RumorMatchKind } from '../../../shared/contracts/rumors-clustering.ts';

const matches = (lang: Lang) => Object.fromEntries(Object.entries(RUMOR_MATCH_LABELS).map(([k, v]) => [k, v[lang]])) as Record<RumorMatchKind, string>;

const vi = {
  similarTitle: 'Vụ việc tương tự',
  noSimilar: 'Không có vụ việc tương tự.',
  matches: matches('vi'),
  score: (pct: number) => `độ giống ${pct}%`,
  reports: (n: number) => `${n} phản ánh`,
  merge: 'Gộp vào vụ việc này',
  mergeSelected: (n: number) => `Gộp ${n} vụ việc đã chọn vào vụ việc này`,
  selectCase: (code: string) => `Chọn vụ việc ${code} để gộp`,
  merged: (n: number, codes: string) => `Đã chuyển ${n} phản ánh từ ${codes} vào vụ việc này.`,
  selectReport: (code: string) => `Chọn phản ánh ${code} để tách`,
  splitTitle: (n: number) => `Tách ${n} phản ánh đã chọn thành vụ việc mới — tiêu đề`,
  split: 'Tách thành vụ việc mới',
  splitDone: (code: string) => `Đã tạo vụ việc ${code}.`,
  splitAll: 'Không thể tách tất cả phản ánh: bỏ chọn ít nhất một phản ánh.',
  spreadTitle: 'Mức độ lan truyền',
  spreadSummary: (reports: number, people: number) => `${reports} phản ánh từ ${people} người phản ánh để lại thông tin`,
  spreadDay: 'Ngày',
  spreadTotal: 'Tổng',
  byChannel: 'Theo kênh',
  firstAt: (at: string) => `đầu tiên lúc ${at}`,
  noSpread: 'Chưa có phản ánh.',
};

const en: typeof vi = {
  similarTitle: 'Similar cases',
  noSimilar: 'No similar case.',
  matches: matches('en'),
  score: (pct: number) => `${pct}% similar`,
  reports: (n: number) => `${n} reports`,
  merge: 'Merge into this case',
  mergeSelected: (n: number) => `Merge the ${n} selected cases into this one`,
  selectCase: (code: string) => `Select case ${code} to merge`,
  merged: (n: number, codes: string) => `Moved ${n} reports from ${codes} into this case.`,
  selectReport: (code: string) => `Select report ${code} to split off`,
  splitTitle: (n: number) => `Split the ${n} selected reports into a new case — title`,
  split: 'Split into a new case',
  splitDone: (code: string) => `Case ${code} created.`,
  splitAll: 'Cannot split off every report: leave at least one unselected.',
  spreadTitle: 'Spread',
  spreadSummary: (reports: number, people: number) => `${reports} reports from ${people} informants who left their details`,
  spreadDay: 'Day',
  spreadTotal: 'Total',
  byChannel: 'By channel',
  firstAt: (at: string) => `first at ${at}`,
  noSpread: 'No report yet.',
};

export function clusterStrings(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
