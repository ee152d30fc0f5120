// The status badge of a bulletin (the priority badge is the SMS campaigns' one: the same three TT 39 levels).
import { Badge } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import type { BulletinStatus } from './bulletins-api.ts';
import { bulletinStrings } from './strings.ts';

const STATUS_COLORS: Record<BulletinStatus, string> = { draft: 'gray', submitted: 'yellow', published: 'green', cancelled: 'dark', ended: 'gray' };

export function BulletinStatusBadge({ status }: { status: BulletinStatus }) {
  const { lang } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="bulletin-status">
      {bulletinStrings(lang).statuses[status]}
    </Badge>
  );
}
