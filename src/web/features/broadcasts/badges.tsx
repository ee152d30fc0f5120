// Status and priority badges of a campaign. Priority colours follow TT 39/2020's levels: khẩn cấp red, ưu tiên orange.
import { Badge } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import type { BroadcastStatus, Priority } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

const STATUS_COLORS: Record<BroadcastStatus, string> = { draft: 'gray', submitted: 'yellow', approved: 'cyan', sending: 'blue', done: 'green', cancelled: 'red' };
export const PRIORITY_COLORS: Record<Priority, string> = { thuong: 'gray', uu_tien: 'orange', khan_cap: 'red' };

/** Badges keep their whole Vietnamese label in a narrow table column (Mantine truncates them by default). */
const WHOLE_LABEL = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

export function BroadcastStatusBadge({ status }: { status: BroadcastStatus }) {
  const { lang } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="broadcast-status" data-status={status}>
      {broadcastStrings(lang).statuses[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { lang } = useI18n();
  return (
    <Badge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'khan_cap' ? 'filled' : 'light'}
      tt="none"
      radius="sm"
      styles={WHOLE_LABEL}
      data-testid="broadcast-priority"
      data-priority={priority}
    >
      {broadcastStrings(lang).priorities[priority]}
    </Badge>
  );
}

/** A campaign another one replaces (supersededById set). */
export function SupersededBadge() {
  const { lang } = useI18n();
  return (
    <Badge variant="outline" color="gray" tt="none" radius="sm" styles={WHOLE_LABEL}>
      {broadcastStrings(lang).supersededBadge}
    </Badge>
  );
}
