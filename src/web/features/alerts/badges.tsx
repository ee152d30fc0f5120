// The chips of an alert: its state for readers, its CAP status (Actual in red, Exercise/Test apart) and its severity.
import { Badge } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import type { AlertPhase, CapSeverity, CapStatus } from './alerts-api.ts';
import { alertStrings } from './strings.ts';

/** Badges keep their whole Vietnamese label (Mantine truncates and upper-cases by default). */
const WHOLE_LABEL = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const PHASE_COLORS: Record<AlertPhase, string> = { draft: 'gray', submitted: 'orange', active: 'green', expired: 'gray', updated: 'blue', cancelled: 'dark' };
const SEVERITY_COLORS: Record<CapSeverity, string> = { Extreme: 'red', Severe: 'orange', Moderate: 'blue', Minor: 'gray', Unknown: 'gray' };

export function AlertPhaseBadge({ phase }: { phase: AlertPhase }) {
  const { lang } = useI18n();
  return (
    <Badge color={PHASE_COLORS[phase]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL} data-testid="alert-phase" data-phase={phase}>
      {alertStrings(lang).phases[phase]}
    </Badge>
  );
}

export function CapStatusBadge({ status }: { status: CapStatus }) {
  const { lang } = useI18n();
  return (
    <Badge color={status === 'Actual' ? 'red' : 'blue'} variant={status === 'Actual' ? 'filled' : 'light'} tt="none" radius="sm" styles={WHOLE_LABEL}>
      {alertStrings(lang).statuses[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: CapSeverity }) {
  const { lang } = useI18n();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL}>
      {alertStrings(lang).severities[severity]}
    </Badge>
  );
}
