// Who a directive reaches if issued on a date (GET /api/directives/:id/recipients-preview), and what
// the issue dialog makes of it. Shapes mirror RecipientsPreviewOut in the server's directives schemas.
import { queryString, request } from '../../api.ts';

export interface RecipientEntry {
  kind: 'unit' | 'group';
  id: string;
  name: string;
  /** Units in force at the date this entry reaches. */
  reaches: number;
  /** For a unit out of force at the date: its list, e.g. "Danh mục 2025 (trước sắp xếp)". */
  editionLabel: string | null;
}

export interface RecipientsPreview {
  date: string;
  entries: RecipientEntry[];
  total: number;
  unreached: string[];
}

export function getRecipientsPreview(id: string, date?: string): Promise<RecipientsPreview> {
  return request('GET', `/api/directives/${encodeURIComponent(id)}/recipients-preview${queryString({ date: date || undefined })}`);
}

/**
 * What the dialog may do: issue freely, issue only after confirming that the named entries get
 * nothing, or not at all (no entry reaches anyone).
 */
export function issueCheck(p: RecipientsPreview): 'ok' | 'confirm' | 'blocked' {
  if (p.total === 0) return 'blocked';
  return p.unreached.length > 0 ? 'confirm' : 'ok';
}
