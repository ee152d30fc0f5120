// The forms of a case's actions: a confirmation request (a task or a công văn to the competent body), the police
// hand-off (legal bases picked from the unit's list, the evidence listed, the informant only if a desk lead attaches
// it with a reason) and the press request (press bodies or a recipient group).
import { Badge, Button, Checkbox, CloseButton, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api.ts';
import { today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitChooser, UnitSearchPicker } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { listGroups } from '../groups/groups-api.ts';
import { handToPolice, listLegalBases, requestConfirmation, requestPress, type RumorConfirmationVia } from './actions-api.ts';
import { actionStrings } from './actions-strings.ts';
import { RUMOR_LIMITS, fromVietnamLocal, type RumorCaseDetail } from './rumors-api.ts';

interface FormProps {
  c: RumorCaseDetail;
  onDone: (c: RumorCaseDetail) => void;
  onCancel: () => void;
}

/** Submits once, keeps the Vietnamese error of the server beside the button. */
function useSubmit(onDone: (c: RumorCaseDetail) => void) {
  const { lang } = useI18n();
  const { notify } = useNotify();
  const A = actionStrings(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<RumorCaseDetail>) => {
    setBusy(true);
    setError(null);
    call().then(
      (out) => {
        notify('success', A.sent);
        onDone(out);
      },
      (err: unknown) => {
        setError(errorMessage(err, lang));
        setBusy(false);
      },
    );
  };
  return { busy, error, setError, run };
}

function Frame({
  onSubmit,
  children,
  submit,
  busy,
  error,
  onCancel,
  testId,
}: {
  onSubmit: () => void;
  children: ReactNode;
  submit: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  testId: string;
}) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        data-testid={testId}
      >
        <Stack gap="sm">
          {children}
          {error && (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group gap="xs">
            <Button type="submit" loading={busy} data-testid={`${testId}-submit`}>
              {submit}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {A.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ConfirmationForm({ c, onDone, onCancel }: FormProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [question, setQuestion] = useState('');
  const [via, setVia] = useState<RumorConfirmationVia>('task');
  const [due, setDue] = useState('');
  const s = useSubmit(onDone);
  return (
    <Frame
      testId="rumor-confirmation-form"
      submit={A.send}
      busy={s.busy}
      error={s.error}
      onCancel={onCancel}
      onSubmit={() => {
        if (!unit) return s.setError(A.chooseUnit);
        if (!question.trim()) return s.setError(A.required);
        s.run(() => requestConfirmation(c.id, { targetUnitId: unit.id, question: question.trim(), via, dueAt: fromVietnamLocal(due) }));
      }}
    >
      <UnitChooser label={A.targetUnit} at={today()} value={unit} onChange={setUnit} testId="rumor-confirmation-unit" />
      <Textarea label={A.question} required autosize minRows={3} maxLength={RUMOR_LIMITS.note} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} />
      <Radio.Group label={A.via} value={via} onChange={(v) => setVia(v === 'directive' ? 'directive' : 'task')}>
        <Group gap="md" mt={4}>
          <Radio value="task" label={A.viaTask} />
          <Radio value="directive" label={A.viaDirective} />
        </Group>
      </Radio.Group>
      <TextInput type="datetime-local" label={A.dueAt} value={due} onChange={(e) => setDue(e.currentTarget.value)} w={{ base: '100%', xs: 280 }} />
    </Frame>
  );
}

export function PoliceForm({ c, onDone, onCancel }: FormProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const bases = useAsync(() => listLegalBases(c.unitId), [c.unitId]);
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [evidenceIds, setEvidenceIds] = useState<string[]>(c.evidence.map((e) => e.id));
  const [note, setNote] = useState('');
  const [attach, setAttach] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const s = useSubmit(onDone);
  const withInformant = c.reports.filter((r) => r.hasInformant);
  return (
    <Frame
      testId="rumor-police-form"
      submit={A.sendPolice}
      busy={s.busy}
      error={s.error}
      onCancel={onCancel}
      onSubmit={() => {
        if (!unit) return s.setError(A.chooseUnit);
        if (codes.length === 0) return s.setError(A.chooseBases);
        if (attach.length > 0 && !reason.trim()) return s.setError(A.required);
        s.run(() =>
          handToPolice(c.id, {
            targetUnitId: unit.id,
            legalBasisCodes: codes,
            evidenceIds,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(attach.length > 0 ? { attachInformants: { reportIds: attach, reason: reason.trim() } } : {}),
          }),
        );
      }}
    >
      <UnitChooser label={A.targetUnitPolice} at={today()} value={unit} onChange={setUnit} testId="rumor-police-unit" />
      {bases.loading && <Loading />}
      {bases.error != null && <LoadError error={bases.error} onRetry={bases.reload} />}
      {bases.data && (
        <Checkbox.Group label={A.legalBases} value={codes} onChange={setCodes} required>
          <Stack gap={6} mt={6} data-testid="rumor-legal-bases">
            {bases.data.items
              .filter((b) => b.active)
              .map((b) => (
                <Checkbox key={b.id} value={b.code} label={b.title} description={b.excerpt || undefined} />
              ))}
          </Stack>
        </Checkbox.Group>
      )}
      {c.evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {A.noEvidenceYet}
        </Text>
      ) : (
        <Checkbox.Group label={A.evidenceList} value={evidenceIds} onChange={setEvidenceIds}>
          <Stack gap={6} mt={6}>
            {c.evidence.map((e) => (
              <Checkbox key={e.id} value={e.id} label={e.title} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Textarea label={A.note} autosize minRows={2} maxLength={RUMOR_LIMITS.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {c.capabilities.canReveal && withInformant.length > 0 && (
        <Paper withBorder p="xs">
          <Checkbox.Group label={A.attachInformants} description={A.attachReports} value={attach} onChange={setAttach}>
            <Stack gap={6} mt={6}>
              {withInformant.map((r) => (
                <Checkbox key={r.id} value={r.id} label={r.code} />
              ))}
            </Stack>
          </Checkbox.Group>
          {attach.length > 0 && (
            <Textarea
              label={A.attachReason}
              required
              autosize
              minRows={2}
              maxLength={RUMOR_LIMITS.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              mt="xs"
            />
          )}
        </Paper>
      )}
    </Frame>
  );
}

export function PressForm({ c, onDone, onCancel }: FormProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const groups = useAsync(() => listGroups(c.unitId), [c.unitId]);
  const [units, setUnits] = useState<{ id: string; name: string }[]>([]);
  const [groupId, setGroupId] = useState('');
  const [note, setNote] = useState('');
  const s = useSubmit(onDone);
  return (
    <Frame
      testId="rumor-press-form"
      submit={A.send}
      busy={s.busy}
      error={s.error}
      onCancel={onCancel}
      onSubmit={() => {
        if (units.length === 0 && !groupId) return s.setError(A.pressNeedOne);
        s.run(() => requestPress(c.id, { targetUnitIds: units.map((u) => u.id), recipientGroupId: groupId || null, ...(note.trim() ? { note: note.trim() } : {}) }));
      }}
    >
      <UnitSearchPicker
        label={A.pressUnits}
        at={today()}
        excludeIds={units.map((u) => u.id)}
        onPick={(u) => setUnits((l) => [...l, { id: u.id, name: u.name }])}
        testId="rumor-press-unit"
      />
      {units.length > 0 && (
        <Group gap={6} wrap="wrap">
          {units.map((u) => (
            <Badge
              key={u.id}
              variant="light"
              tt="none"
              radius="sm"
              styles={{ root: { maxWidth: 'none' } }}
              rightSection={<CloseButton size="xs" aria-label={A.remove(u.name)} onClick={() => setUnits((l) => l.filter((x) => x.id !== u.id))} />}
            >
              {u.name}
            </Badge>
          ))}
        </Group>
      )}
      {groups.data && groups.data.length > 0 && (
        <NativeSelect
          label={A.pressGroup}
          value={groupId}
          onChange={(e) => setGroupId(e.currentTarget.value)}
          data={[{ value: '', label: A.noGroup }, ...groups.data.map((g) => ({ value: g.id, label: g.name }))]}
          w={{ base: '100%', xs: 320 }}
        />
      )}
      <Textarea label={A.note} autosize minRows={2} maxLength={RUMOR_LIMITS.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </Frame>
  );
}
