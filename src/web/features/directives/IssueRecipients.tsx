// The issue dialog's recipients check: each Kính gửi entry with the units it reaches at the issue
// date, entries that reach none named, and a confirmation before issuing without them.
import { Alert, Badge, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { issueStrings } from './issue-strings.ts';
import { getRecipientsPreview, issueCheck } from './recipients-preview.ts';

export type IssueState = 'loading' | 'ok' | 'confirm' | 'blocked';

export function IssueRecipients({
  directiveId,
  date,
  confirmed,
  onConfirmed,
  onState,
}: {
  directiveId: string;
  /** YYYY-MM-DD, or empty for today. */
  date: string;
  confirmed: boolean;
  onConfirmed: (v: boolean) => void;
  onState: (s: IssueState) => void;
}) {
  const { lang } = useI18n();
  const s = issueStrings(lang);
  const res = useAsync(() => getRecipientsPreview(directiveId, date || undefined), [directiveId, date]);
  const p = res.data;
  const state: IssueState = res.loading || !p ? 'loading' : issueCheck(p);
  useEffect(() => onState(state), [state, onState]);

  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!p) return <Loading />;
  const names = p.unreached.join('; ');
  return (
    <Stack gap="xs" data-testid="issue-recipients">
      <Text size="sm" fw={600}>
        {s.heading(formatDate(p.date, lang))}
      </Text>
      <List size="sm" spacing={4}>
        {p.entries.map((e) => (
          <List.Item key={`${e.kind}:${e.id}`} data-testid="issue-recipient" data-reaches={e.reaches}>
            <Group gap={6} wrap="wrap">
              <span>
                {e.kind === 'group' ? s.group : s.unit}: {e.name}
              </span>
              {e.editionLabel && (
                <Badge size="sm" variant="outline" color="gray">
                  {e.editionLabel}
                </Badge>
              )}
              <Text span size="sm" c={e.reaches === 0 ? 'red.8' : 'dimmed'} fw={e.reaches === 0 ? 600 : undefined}>
                — {e.reaches === 0 ? s.none : s.reaches(e.reaches)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {state === 'ok' && <Text size="sm">{s.total(p.total)}</Text>}
      {state === 'confirm' && (
        <Alert color="yellow" title={s.warnTitle} data-testid="issue-unreached">
          <Stack gap="xs">
            <span>{s.warn(names)}</span>
            <span>{s.total(p.total)}</span>
            <Checkbox label={s.confirm} checked={confirmed} onChange={(e) => onConfirmed(e.currentTarget.checked)} data-testid="issue-allow-unreached" />
          </Stack>
        </Alert>
      )}
      {state === 'blocked' && (
        <Alert color="red" title={s.blockedTitle} data-testid="issue-blocked">
          {s.blocked(names)}
        </Alert>
      )}
    </Stack>
  );
}
