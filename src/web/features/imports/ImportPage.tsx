// Nhập văn bản đến: upload a công văn received outside Loa, check the proposal beside the extracted
// text (fields with confidence and source line, issuer and addressee matches, tasks and report
// form), correct it, and confirm: the document is registered in the unit's inbox with its tasks.
import './imports.css';
import { Alert, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../../api.ts';
import { URGENCIES } from '../directives/directives-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { LoadError, Loading, UnitSearchPicker } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import type { MessageKey } from '../../i18n.ts';
import { Link, navigate } from '../../router.tsx';
import { useDocTypes } from '../directives/shared.tsx';
import {
  ACCEPTED_FILES,
  IMPORT_LIMITS,
  confirmImport,
  getImport,
  getTask,
  uploadImport,
  type ConfirmResult,
  type FieldProposal,
  type ImportRecord,
  type MatchProposal,
  type MatchTarget,
  type Proposal,
  type SourceRef,
  type SuggestedAssignee,
} from './imports-api.ts';
import { buildCorrections, correctedAssignees, dueRuleText, initialInput, initialTaskEdit, matchKey, percent, targetOf, withSuggested, type Overrides, type TaskEdit } from './model.ts';
import { importStrings, type ImportStrings } from './strings.ts';

/** Uploads of this page load: the duplicate flag only comes with the upload answer. */
const uploaded = new Map<string, ImportRecord>();

function useStrings(): ImportStrings {
  const { lang } = useI18n();
  return importStrings(lang);
}

export function ImportPage({ id }: { id: string | null }) {
  return id ? <ImportView key={id} id={id} /> : <UploadView />;
}

// ---------------------------------------------------------------------------
// Upload

function UploadView() {
  const s = useStrings();
  const { lang } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return setError(s.noFile);
    if (file.size > IMPORT_LIMITS.fileBytes) return setError(s.tooLarge);
    setBusy(true);
    setError(null);
    try {
      const rec = await uploadImport(file);
      uploaded.set(rec.id, rec);
      navigate(`/imports/${encodeURIComponent(rec.id)}`);
    } catch (e) {
      setError(errorMessage(e, lang));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h3">
        {s.title}
      </Title>
      <Text size="sm">{s.intro}</Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <div>
              <Text component="label" htmlFor={inputId} size="sm" fw={500} display="block" mb={4}>
                {s.fileLabel}
              </Text>
              <input
                id={inputId}
                className="loa-import-file"
                type="file"
                accept={ACCEPTED_FILES}
                aria-describedby={hintId}
                data-testid="import-file"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setError(null);
                }}
              />
              <Text id={hintId} size="xs" c="dimmed" mt={4}>
                {s.fileHint}
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert" data-testid="import-upload-error">
                {error}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy} disabled={!file} data-testid="import-upload">
                {s.upload}
              </Button>
              {busy && (
                <Text size="sm" role="status">
                  {s.uploading}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

// ---------------------------------------------------------------------------
// One import: proposal, corrections, confirmation

function ImportView({ id }: { id: string }) {
  const s = useStrings();
  const { lang } = useI18n();
  const res = useAsync(() => {
    const cached = uploaded.get(id);
    return cached ? Promise.resolve(cached) : getImport(id);
  }, [id]);
  const rec = res.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {s.title}
          </Title>
          {rec && (
            <Text size="sm" c="dimmed" data-testid="import-file-name">
              {rec.fileName} · {formatDateTime(rec.createdAt, lang)}
            </Text>
          )}
        </div>
        <Button variant="default" onClick={() => navigate('/imports')} data-testid="import-new">
          {s.newImport}
        </Button>
      </Group>
      {res.loading && !rec && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {rec && rec.duplicateOf && (
        <Alert color="orange" title={s.duplicate} role="alert" data-testid="import-duplicate">
          {s.duplicateBody(formatDateTime(rec.createdAt, lang))}
        </Alert>
      )}
      {rec && rec.status !== 'proposed' ? (
        <Alert color="blue" data-testid="import-already-confirmed">
          <Stack gap="xs" align="flex-start">
            <span>{s.alreadyConfirmed}</span>
            <Link to="/inbox">{s.openInbox}</Link>
          </Stack>
        </Alert>
      ) : (
        rec && <ProposalEditor rec={rec} />
      )}
    </Stack>
  );
}

function ProposalEditor({ rec }: { rec: ImportRecord }) {
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
          <li key={n} data-line={n} data-testid="source-line" data-highlighted={highlight === n ? 'true' : undefined} tabIndex={-1} aria-current={highlight === n ? 'location' : undefined}>
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

function Confidence({ value, flagged, testId }: { value: number; flagged: boolean; testId?: string }) {
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

function LineButton({ source, what, onLine }: { source: SourceRef | null; what: string; onLine: (n: number) => void }) {
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

function FieldRow({ f, value, changed, onChange, onLine }: { f: FieldProposal; value: string; changed: boolean; onChange: (v: string) => void; onLine: (n: number) => void }) {
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
    <Paper p="xs" className="loa-import-item" data-flagged={f.flagged && !changed ? 'true' : 'false'} data-corrected={changed ? 'true' : 'false'} data-testid={`imp-field-${f.field}`} data-field={f.field}>
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

function IssuerPanel({
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
    <Paper withBorder p="sm" className="loa-import-item" data-flagged={flagged && !corrected ? 'true' : 'false'} data-corrected={corrected ? 'true' : 'false'} data-testid="import-issuer">
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

function MatchesPanel({
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
  const row = (m: MatchProposal, key: string) => <MatchRow key={key} m={m} k={key} target={targetOf(m, key, overrides)} corrected={key in overrides} onOverride={onOverride} onLine={onLine} />;
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

function MatchRow({
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
    <Paper p="xs" className="loa-import-item" data-flagged={m.flagged && !corrected ? 'true' : 'false'} data-corrected={corrected ? 'true' : 'false'} data-testid="import-match" data-text={m.text} data-target-id={target?.id ?? ''}>
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

function TasksPanel({
  proposal,
  overrides,
  edits,
  onEdits,
  canAssign,
}: {
  proposal: Proposal;
  overrides: Overrides;
  edits: TaskEdit[];
  onEdits: (e: TaskEdit[]) => void;
  canAssign: boolean;
}) {
  const s = useStrings();
  return (
    <Paper withBorder p="sm" data-testid="import-tasks">
      <Title order={3} size="h5" mb="xs">
        {s.tasksTitle}
      </Title>
      {!canAssign && proposal.tasks.length > 0 && (
        <Alert color="yellow" mb="xs" data-testid="import-cannot-assign">
          {s.cannotAssign}
        </Alert>
      )}
      {proposal.tasks.length === 0 && <Text size="sm">{s.noTasks}</Text>}
      <Stack gap="sm">
        {proposal.tasks.map((task, i) => {
          const edit = edits[i] ?? initialTaskEdit(task);
          const a = correctedAssignees(task, proposal, overrides, edit.added);
          const set = (patch: Partial<TaskEdit>) => onEdits(edits.map((e, j) => (j === i ? { ...e, ...patch } : e)));
          const flagged = task.flagged && !a.changed;
          return (
            <Paper key={i} p="xs" className="loa-import-item" data-flagged={flagged ? 'true' : 'false'} data-testid="import-task" data-section={task.section ?? ''}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {task.section ? s.section(task.section) : s.reportForm}
                  </Text>
                  {flagged && (
                    <Badge color="orange" variant="filled" tt="none" radius="sm">
                      ⚠ {s.check}
                    </Badge>
                  )}
                </Group>
                {canAssign && <Checkbox label={s.createTask} checked={edit.include} onChange={(e) => set({ include: e.currentTarget.checked })} data-testid="import-task-include" />}
                <TextInput label={s.taskTitle} value={edit.title} onChange={(e) => set({ title: e.currentTarget.value })} disabled={!edit.include || !canAssign} data-testid="import-task-title" />
                <div>
                  <Text size="sm" fw={500}>
                    {s.assignees}
                  </Text>
                  {a.names.length ? (
                    <Group gap={4} data-testid="import-task-assignees">
                      {a.names.map((n) => (
                        <Badge key={n} variant="light" tt="none" radius="sm">
                          {n}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="orange.9" data-testid="import-task-assignees">
                      {s.noAssignees}
                    </Text>
                  )}
                </div>
                {(task.suggestedAssignees ?? []).length > 0 && (
                  <SuggestedAssignees
                    units={task.suggestedAssignees ?? []}
                    edit={edit}
                    disabled={!edit.include || !canAssign}
                    onChange={set}
                  />
                )}
                <div>
                  <Text size="sm" fw={500}>
                    {s.due}
                  </Text>
                  <Text size="sm" data-testid="import-task-due">
                    {dueRuleText(task.dueRule, s)}
                  </Text>
                  {task.dueRuleProposed && (
                    <Text size="xs" c="orange.9">
                      {s.dueProposed}
                    </Text>
                  )}
                </div>
                {task.reportForm && <ReportFormView form={task.reportForm} testId="import-task-form" />}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** Today's successors of the old units a task names: the officer assigns each with one click. */
function SuggestedAssignees({ units, edit, disabled, onChange }: { units: SuggestedAssignee[]; edit: TaskEdit; disabled: boolean; onChange: (e: TaskEdit) => void }) {
  const s = useStrings();
  return (
    <div data-testid="import-task-suggested">
      <Text size="sm" fw={500}>
        {s.suggestedTitle}
      </Text>
      <Stack gap={4}>
        {units.map((u) => {
          const assigned = edit.added.some((x) => x.id === u.id);
          return (
            <Paper key={u.id} p={6} withBorder data-testid="import-suggested" data-unit-id={u.id} data-assigned={assigned ? 'true' : 'false'}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {u.name}
                </Text>
                {assigned ? (
                  <>
                    <Badge color="blue" variant="outline" tt="none" radius="sm">
                      {s.suggestedAssigned}
                    </Badge>
                    <Button size="compact-xs" variant="subtle" disabled={disabled} onClick={() => onChange(withSuggested(edit, u, false))} aria-label={s.unassignSuggestedAria(u.name)} data-testid="import-suggested-undo">
                      {s.undo}
                    </Button>
                  </>
                ) : (
                  <Button size="compact-xs" variant="light" disabled={disabled} onClick={() => onChange(withSuggested(edit, u, true))} aria-label={s.assignSuggestedAria(u.name)} data-testid="import-suggested-assign">
                    {s.assignSuggested}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {u.note}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </div>
  );
}

function ReportFormView({ form, testId }: { form: { name: string; indicators: { key: string; label: string; required?: boolean }[] }; testId: string }) {
  const s = useStrings();
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500}>
        {s.reportForm}: {form.name}
      </Text>
      <Text size="xs" c="dimmed">
        {s.indicators}:
      </Text>
      <List size="sm" withPadding>
        {form.indicators.map((i) => (
          <List.Item key={i.key} data-testid="indicator" data-key={i.key}>
            {i.label}
            {i.required ? ` (${s.required})` : ''}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Result

function ResultView({ result }: { result: ConfirmResult }) {
  const s = useStrings();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert color="green" variant="light">
        <Stack gap={6} align="flex-start">
          <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
            {s.resultTitle}
          </Title>
          <Text fw={700} data-testid="import-arrival" data-arrival={result.arrivalNumber}>
            {s.arrival(result.arrivalNumber)}
          </Text>
          <Text size="sm">
            {result.directive.fullSymbol} — {result.directive.subject}
          </Text>
          <Text size="sm" c="dimmed">
            {result.directive.issuer}
          </Text>
          {result.inboxItemId && (
            <Link to={`/inbox/${encodeURIComponent(result.inboxItemId)}`} data-testid="import-inbox-link">
              {s.openItem}
            </Link>
          )}
        </Stack>
      </Alert>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {s.tasksCreated(result.tasks.length)}
        </Title>
        <Stack gap="sm">
          {result.tasks.map((task) => (
            <CreatedTask key={task.id} task={task} />
          ))}
        </Stack>
      </Paper>
      {result.skippedTasks.length > 0 && (
        <Paper withBorder p="sm" data-testid="import-skipped">
          <Title order={3} size="h5" mb="xs">
            {s.tasksSkipped(result.skippedTasks.length)}
          </Title>
          <List size="sm" withPadding>
            {result.skippedTasks.map((x, i) => (
              <List.Item key={i} data-testid="import-skipped-task">
                <Text size="sm" span fw={600}>
                  {x.title}
                </Text>
                <Text size="sm" span>
                  {' '}
                  — {s.reason}: {x.reason}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

function CreatedTask({ task }: { task: ConfirmResult['tasks'][number] }) {
  const s = useStrings();
  const res = useAsync(() => getTask(task.id), [task.id]);
  const d = res.data;
  return (
    <Paper p="xs" className="loa-import-item" data-testid="import-created-task" data-task-id={task.id} data-report-form={task.reportForm ? 'true' : 'false'}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {task.title}
        </Text>
        <Text size="xs" c="dimmed">
          {s.unitsCount(task.assignees)}
          {task.reportForm ? ` · ${s.withForm}` : ''}
        </Text>
        {res.loading && !d && <Loading label={s.loadingTask} />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {d && (
          <>
            <Text size="sm" data-testid="import-created-due">
              {s.due}: {dueRuleText(d.task.dueRule, s)}
            </Text>
            <div>
              <Text size="sm" fw={500}>
                {s.assignees}
              </Text>
              <Group gap={4} data-testid="import-created-assignees">
                {d.assignees.map((u) => (
                  <Badge key={u.id} variant="light" tt="none" radius="sm">
                    {u.name}
                  </Badge>
                ))}
              </Group>
            </div>
            {d.reportForm && <ReportFormView form={d.reportForm} testId="import-created-form" />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
