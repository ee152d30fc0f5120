// The proposal editor: the extracted text beside the fields, issuer, matches and tasks, and the confirm button.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { confirmImport, type ConfirmResult, type ImportRecord, type MatchTarget } from './imports-api.ts';
import { buildCorrections, initialInput, initialTaskEdit, type Overrides, type TaskEdit } from './model.ts';
import { FieldRow, IssuerPanel } from './ProposalFields.tsx';
import { MatchesPanel } from './MatchesPanel.tsx';
import { TasksPanel } from './TasksPanel.tsx';
import { ResultView } from './ResultView.tsx';
import { uploaded, useStrings } from './page-state.ts';

export function ProposalEditor({ rec }: { rec: ImportRecord }) {
  const s = useStrings();
  const { lang } = useI18n();
  const { me } = useSession();
  const p = rec.proposal;
  // The roles with task.write (access policy): the clerk who registers a dispatch also creates its tasks.
  const canAssign = hasRole(me, 'system_admin', 'unit_admin', 'drafter', 'approver', 'clerk');

  const initial = useMemo(() => Object.fromEntries(p.fields.map((f) => [f.field, initialInput(f)])), [p.fields]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [issuerUnit, setIssuerUnit] = useState<{ id: string; name: string } | null | undefined>(undefined);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [taskEdits, setTaskEdits] = useState<TaskEdit[]>(() => p.tasks.map(initialTaskEdit));
  const [highlight, setHighlight] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [result, setResult] = useState<ConfirmResult | null>(null);
  const sourceRef = useRef<HTMLOListElement>(null);

  const showLine = useCallback((line: number) => {
    setHighlight(line);
    const el = sourceRef.current?.querySelector<HTMLElement>(`[data-line="${line}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
    }
  }, []);

  const confirm = async () => {
    const built = buildCorrections({ proposal: p, values, initial, issuerUnit, overrides, tasks: taskEdits, s });
    if (!built.ok) return setErrors(built.errors);
    setErrors([]);
    setBusy(true);
    try {
      setResult(await confirmImport(rec.id, canAssign ? built.input : { ...built.input, createTasks: false }));
      uploaded.delete(rec.id);
      window.scrollTo({ top: 0 });
    } catch (e) {
      setErrors([errorMessage(e, lang)]);
    } finally {
      setBusy(false);
    }
  };

  if (result) return <ResultView result={result} />;

  /** undefined: back to the proposal; null: no unit (a wrong match removed). */
  const setOverride = (key: string, target: MatchTarget | null | undefined) =>
    setOverrides((o) => {
      const next = { ...o };
      if (target === undefined) delete next[key];
      else next[key] = target;
      return next;
    });

  return (
    <div className="loa-import-split">
      <Paper withBorder p="sm" className="loa-import-source" data-testid="import-source">
        <Title order={2} size="h5" mb={4}>
          {s.sourceTitle}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {s.sourceHint}
        </Text>
        <SourceText text={rec.text} highlight={highlight} listRef={sourceRef} />
      </Paper>

      <Stack gap="md" data-testid="import-proposal">
        <Title order={2} size="h4">
          {s.draftTitle}
        </Title>
        <Alert color={p.flagged.length ? 'orange' : 'green'} data-testid="import-flagged-summary">
          {p.flagged.length ? s.flaggedSummary(p.flagged.length) : s.noneFlagged}
        </Alert>

        <IssuerPanel proposal={p} value={issuerUnit} onChange={setIssuerUnit} onLine={showLine} />

        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {s.fieldsTitle}
          </Title>
          <Stack gap="xs">
            {p.fields.map((f) => (
              <FieldRow
                key={f.field}
                f={f}
                value={values[f.field] ?? ''}
                changed={(values[f.field] ?? '').trim() !== (initial[f.field] ?? '').trim()}
                onChange={(v) => setValues((old) => ({ ...old, [f.field]: v }))}
                onLine={showLine}
              />
            ))}
          </Stack>
        </Paper>

        <MatchesPanel proposal={p} overrides={overrides} onOverride={setOverride} onLine={showLine} />

        <TasksPanel proposal={p} overrides={overrides} edits={taskEdits} onEdits={setTaskEdits} canAssign={canAssign} />

        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text size="sm">{s.confirmHint}</Text>
            {errors.length > 0 && (
              <Alert color="red" role="alert" title={s.confirmFailed} data-testid="import-confirm-error">
                <Stack gap={2}>
                  {errors.map((e) => (
                    <span key={e}>{e}</span>
                  ))}
                </Stack>
              </Alert>
            )}
            <Group>
              <Button onClick={() => void confirm()} loading={busy} data-testid="import-confirm">
                {s.confirm}
              </Button>
              {busy && (
                <Text size="sm" role="status">
                  {s.confirming}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Source text with line numbers

function SourceText({ text, highlight, listRef }: { text: string; highlight: number | null; listRef: RefObject<HTMLOListElement | null> }) {
  const s = useStrings();
  const lines = useMemo(() => text.split(/\r\n|\r|\n/), [text]);
  return (
    <ol className="loa-import-source-lines" ref={listRef} aria-label={s.sourceTitle}>
      {lines.map((l, i) => {
        const n = i + 1;
        return (
          <li
            key={n}
            data-line={n}
            data-testid="source-line"
            data-highlighted={highlight === n ? 'true' : undefined}
            tabIndex={-1}
            aria-current={highlight === n ? 'location' : undefined}
          >
            <span className="loa-import-lineno" aria-hidden>
              {n}
            </span>
            <span className="loa-import-linetext">{l}</span>
          </li>
        );
      })}
    </ol>
  );
}

// ---------------------------------------------------------------------------
// Confidence, flag and source line
