// Parts of the proposal editor: confidence badges, source-line buttons, field rows and the issuer panel.
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { URGENCIES } from '../directives/directives-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { UnitSearchPicker } from '../../app/ui.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useDocTypes } from '../directives/shared.tsx';
import { IMPORT_LIMITS, type FieldProposal, type Proposal, type SourceRef } from './imports-api.ts';
import { percent } from './model.ts';
import { useStrings } from './page-state.ts';

export function Confidence({ value, flagged, testId }: { value: number; flagged: boolean; testId?: string }) {
  const s = useStrings();
  const pct = percent(value);
  const color = flagged ? 'orange' : pct >= 90 ? 'green' : 'blue';
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={color} variant="light" tt="none" radius="sm" data-testid={testId} data-confidence={pct}>
        {s.confidence(pct)}
      </Badge>
      {flagged && (
        <Badge color="orange" variant="filled" tt="none" radius="sm" data-testid="flag">
          ⚠ {s.check}
        </Badge>
      )}
    </Group>
  );
}

export function LineButton({ source, what, onLine }: { source: SourceRef | null; what: string; onLine: (n: number) => void }) {
  const s = useStrings();
  if (!source)
    return (
      <Text size="xs" c="dimmed" span>
        {s.noSource}
      </Text>
    );
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={() => onLine(source.line)}
      aria-label={s.lineAria(source.line, what)}
      title={source.text}
      data-testid="line-link"
      data-line={source.line}
    >
      {s.line(source.line)}
    </Button>
  );
}

// ---------------------------------------------------------------------------
// Fields

export function FieldRow({
  f,
  value,
  changed,
  onChange,
  onLine,
}: {
  f: FieldProposal;
  value: string;
  changed: boolean;
  onChange: (v: string) => void;
  onLine: (n: number) => void;
}) {
  const s = useStrings();
  const { t } = useI18n();
  const { types } = useDocTypes();
  const label = s.fields[f.field] ?? f.field;
  const noteId = useId();
  const common = {
    label,
    value,
    'aria-describedby': noteId,
    'data-testid': `imp-f-${f.field}`,
  };
  let input: ReactNode;
  if (f.field === 'docType') {
    const data = types.length ? types.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` })) : [{ value, label: value }];
    input = <NativeSelect {...common} data={data} onChange={(e) => onChange(e.currentTarget.value)} />;
  } else if (f.field === 'urgency') {
    const data = [{ value: '', label: t('urgency.none') }, ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}` as MessageKey) }))];
    input = <NativeSelect {...common} data={data} onChange={(e) => onChange(e.currentTarget.value)} />;
  } else if (f.field === 'subject') {
    input = <Textarea {...common} autosize minRows={2} onChange={(e) => onChange(e.currentTarget.value)} />;
  } else {
    input = (
      <TextInput
        {...common}
        inputMode={f.field === 'number' ? 'numeric' : undefined}
        placeholder={f.field === 'date' ? s.datePlaceholder : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <Paper
      p="xs"
      className="loa-import-item"
      data-flagged={f.flagged && !changed ? 'true' : 'false'}
      data-corrected={changed ? 'true' : 'false'}
      data-testid={`imp-field-${f.field}`}
      data-field={f.field}
    >
      {input}
      <Group gap="xs" mt={4} wrap="wrap" id={noteId}>
        <Confidence value={f.confidence} flagged={f.flagged} />
        {changed && (
          <Badge color="blue" variant="outline" tt="none" radius="sm">
            {s.corrected}
          </Badge>
        )}
        <LineButton source={f.source} what={label} onLine={onLine} />
        {f.note && (
          <Text size="xs" c="orange.9">
            {f.note}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

// ---------------------------------------------------------------------------
// Issuer

export function IssuerPanel({
  proposal,
  value,
  onChange,
  onLine,
}: {
  proposal: Proposal;
  value: { id: string; name: string } | null | undefined;
  onChange: (v: { id: string; name: string } | null | undefined) => void;
  onLine: (n: number) => void;
}) {
  const s = useStrings();
  const [at] = useAtDate();
  const [picking, setPicking] = useState(false);
  const issuer = proposal.issuer;
  const flagged = issuer === null || issuer.confidence < IMPORT_LIMITS.lowConfidence;
  const corrected = value !== undefined;
  const shown = corrected ? value : issuer;
  const issuerField = proposal.fields.find((f) => f.field === 'symbol' || f.field === 'issuer');
  return (
    <Paper
      withBorder
      p="sm"
      className="loa-import-item"
      data-flagged={flagged && !corrected ? 'true' : 'false'}
      data-corrected={corrected ? 'true' : 'false'}
      data-testid="import-issuer"
    >
      <Title order={3} size="h5" mb="xs">
        {s.issuerTitle}
      </Title>
      <Stack gap={6}>
        {shown ? (
          <Text fw={600} data-testid="import-issuer-name">
            {shown.name}
          </Text>
        ) : (
          <Text size="sm" data-testid="import-issuer-name">
            {corrected ? s.issuerExternal : s.issuerNone}
          </Text>
        )}
        {!corrected && issuer && (
          <Group gap="xs" wrap="wrap">
            <Confidence value={issuer.confidence} flagged={flagged} testId="import-issuer-confidence" />
            <Text size="xs" c="dimmed">
              {s.evidence}: {issuer.evidence.map((e) => s.evidenceNames[e] ?? e).join(', ')}
            </Text>
            {issuerField && <LineButton source={issuerField.source} what={s.issuerTitle} onLine={onLine} />}
          </Group>
        )}
        {!corrected && !issuer && <Confidence value={0} flagged testId="import-issuer-confidence" />}
        {corrected && (
          <Badge color="blue" variant="outline" tt="none" radius="sm">
            {s.corrected}
          </Badge>
        )}
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => setPicking((x) => !x)} aria-expanded={picking} data-testid="import-issuer-change">
            {s.change}
          </Button>
          {shown !== null && (
            <Button size="compact-sm" variant="subtle" onClick={() => onChange(null)}>
              {s.issuerMakeExternal}
            </Button>
          )}
          {corrected && (
            <Button size="compact-sm" variant="subtle" onClick={() => onChange(undefined)}>
              {s.undo}
            </Button>
          )}
        </Group>
        {picking && (
          <UnitSearchPicker
            label={s.pickUnit}
            at={at}
            testId="import-issuer-search"
            editions="all"
            onPick={(u) => {
              onChange({ id: u.id, name: u.name });
              setPicking(false);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------
// Recipients, section addressees, copies
