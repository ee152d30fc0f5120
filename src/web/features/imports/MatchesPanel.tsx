// Recipients, cc and section addressees with their directory matches, each correctable.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAtDate } from '../../app/at-date.ts';
import { UnitSearchPicker } from '../../app/ui.tsx';
import type { MatchProposal, MatchTarget, Proposal } from './imports-api.ts';
import { matchKey, targetOf, type Overrides } from './model.ts';
import { Confidence, LineButton } from './ProposalFields.tsx';
import { useStrings } from './page-state.ts';

export function MatchesPanel({
  proposal,
  overrides,
  onOverride,
  onLine,
}: {
  proposal: Proposal;
  overrides: Overrides;
  onOverride: (key: string, target: MatchTarget | null | undefined) => void;
  onLine: (n: number) => void;
}) {
  const s = useStrings();
  const sections = [...new Set(proposal.addressees.map((a) => a.section))];
  const row = (m: MatchProposal, key: string) => (
    <MatchRow key={key} m={m} k={key} target={targetOf(m, key, overrides)} corrected={key in overrides} onOverride={onOverride} onLine={onLine} />
  );
  return (
    <Paper withBorder p="sm" data-testid="import-matches">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {s.recipientsTitle}
        </Title>
        <Stack gap="xs" data-testid="import-recipients">
          {proposal.recipients.map((m, i) => row(m, matchKey('recipients', i)))}
        </Stack>
        {sections.length > 0 && (
          <>
            <Title order={3} size="h5">
              {s.addresseesTitle}
            </Title>
            {sections.map((sec) => (
              <Stack key={sec} gap="xs" data-testid="import-addressees" data-section={sec}>
                <Text size="sm" fw={600}>
                  {s.section(sec)}
                </Text>
                {proposal.addressees.map((m, i) => (m.section === sec ? row(m, matchKey('addressees', i)) : null))}
              </Stack>
            ))}
          </>
        )}
        {proposal.cc.length > 0 && (
          <>
            <Title order={3} size="h5">
              {s.ccTitle}
            </Title>
            <Stack gap="xs" data-testid="import-cc">
              {proposal.cc.map((m, i) => row(m, matchKey('cc', i)))}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function MatchRow({
  m,
  k,
  target,
  corrected,
  onOverride,
  onLine,
}: {
  m: MatchProposal;
  k: string;
  target: MatchTarget | null;
  corrected: boolean;
  onOverride: (key: string, target: MatchTarget | null | undefined) => void;
  onLine: (n: number) => void;
}) {
  const s = useStrings();
  const [at] = useAtDate();
  const [picking, setPicking] = useState(false);
  return (
    <Paper
      p="xs"
      className="loa-import-item"
      data-flagged={m.flagged && !corrected ? 'true' : 'false'}
      data-corrected={corrected ? 'true' : 'false'}
      data-testid="import-match"
      data-text={m.text}
      data-target-id={target?.id ?? ''}
    >
      <Text size="sm">“{m.text}”</Text>
      <Group gap="xs" wrap="wrap" mt={2}>
        <Text size="sm" aria-hidden>
          →
        </Text>
        {target ? (
          <>
            <Badge variant="outline" color={target.type === 'group' ? 'grape' : 'blue'} tt="none" radius="sm">
              {target.type === 'group' ? s.group : s.unit}
            </Badge>
            <Text size="sm" fw={600} data-testid="import-match-target">
              {target.name}
            </Text>
          </>
        ) : (
          <Text size="sm" c="orange.9" fw={600} data-testid="import-match-target">
            {s.unmatched}
          </Text>
        )}
      </Group>
      {m.note && !corrected && (
        <Text size="xs" c="orange.9" mt={2} data-testid="import-match-note">
          {m.note}
        </Text>
      )}
      <Group gap="xs" mt={4} wrap="wrap">
        {corrected ? (
          <Badge color="blue" variant="outline" tt="none" radius="sm">
            {s.corrected}
          </Badge>
        ) : (
          <Confidence value={m.confidence} flagged={m.flagged} testId="import-match-confidence" />
        )}
        <LineButton source={m.source} what={m.text} onLine={onLine} />
        <Button size="compact-xs" variant="light" onClick={() => setPicking((x) => !x)} aria-expanded={picking} aria-label={s.matchAria(m.text)}>
          {s.change}
        </Button>
        {target && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onOverride(k, null)} aria-label={s.unmatchAria(m.text)} data-testid="import-match-remove">
            {s.unmatch}
          </Button>
        )}
        {corrected && (
          <Button size="compact-xs" variant="subtle" onClick={() => onOverride(k, undefined)}>
            {s.undo}
          </Button>
        )}
      </Group>
      {picking && (
        <UnitSearchPicker
          label={s.pickUnit}
          at={at}
          testId="import-match-search"
          editions="all"
          onPick={(u) => {
            onOverride(k, { type: 'unit', id: u.id, name: u.name });
            setPicking(false);
          }}
        />
      )}
    </Paper>
  );
}

// ---------------------------------------------------------------------------
// Tasks and report forms
