// The chips of a case: its status, its verdict, its severity and "overdue" when the response deadline has passed.
import { Badge } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import type { RumorSeverity, RumorStatus, RumorVerdict } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

/** Badges keep their whole Vietnamese label (Mantine truncates and upper-cases by default). */
const WHOLE_LABEL = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const STATUS_COLORS: Record<RumorStatus, string> = { unverified: 'gray', verifying: 'blue', concluded: 'green' };
const VERDICT_COLORS: Record<RumorVerdict, string> = { false: 'red', partly_false: 'orange', true: 'green', out_of_scope: 'gray' };
const SEVERITY_COLORS: Record<RumorSeverity, string> = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' };

export function StatusBadge({ status }: { status: RumorStatus }) {
  const { lang } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="rumor-status" data-status={status}>
      {rumorStrings(lang).statuses[status]}
    </Badge>
  );
}

export function VerdictBadge({ verdict }: { verdict: RumorVerdict }) {
  const { lang } = useI18n();
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant="filled" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="rumor-verdict" data-verdict={verdict}>
      {rumorStrings(lang).verdicts[verdict]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: RumorSeverity }) {
  const { lang } = useI18n();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="rumor-severity">
      {rumorStrings(lang).severities[severity]}
    </Badge>
  );
}

export function OverdueBadge() {
  const { lang } = useI18n();
  return (
    <Badge color="red" variant="filled" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="rumor-overdue">
      {rumorStrings(lang).overdue}
    </Badge>
  );
}
