// Create or edit a programme: name, weekdays, start time and length, validity window, plays per bulletin and
// the playlist (bulletins of the commune's queue, in play order). The server's refusal — a slot that overlaps
// another programme (409, naming it and its time) — is shown in the form.
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { WEEKDAYS, WEEKDAY_LABELS } from '../../../shared/contracts/programmes.ts';
import { errorMessage } from '../../api.ts';
import { today } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { saveProgramme, type Programme, type QueueItem } from './programmes-api.ts';
import { programmeStrings } from './strings.ts';

export function ProgrammeForm({
  unitId,
  programme,
  queue,
  onSaved,
  onCancel,
}: {
  unitId: string;
  programme: Programme | null;
  queue: QueueItem[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { lang } = useI18n();
  const S = programmeStrings(lang);
  const [name, setName] = useState(programme?.name ?? '');
  const [days, setDays] = useState<number[]>(programme?.days ?? [1, 2, 3, 4, 5]);
  const [startTime, setStartTime] = useState(programme?.startTime ?? '06:00');
  const [slotMinutes, setSlotMinutes] = useState<string | number>(programme?.slotMinutes ?? 30);
  const [validFrom, setValidFrom] = useState(programme?.validFrom ?? today());
  const [validUntil, setValidUntil] = useState(programme?.validUntil ?? '');
  const [repeat, setRepeat] = useState<string | number>(programme?.repeat ?? 1);
  const [playlist, setPlaylist] = useState<string[]>(programme?.playlist.map((i) => i.bulletinId) ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const titles = new Map([...(programme?.playlist ?? []).map((i) => [i.bulletinId, i.title] as const), ...queue.map((q) => [q.bulletinId, q.title] as const)]);
  const addable = queue.filter((q) => q.status !== 'dismissed' && !playlist.includes(q.bulletinId) && (q.programmeId === null || q.programmeId === programme?.id));
  const move = (i: number) => setPlaylist((l) => l.map((id, j) => (j === i - 1 ? l[i]! : j === i ? l[i - 1]! : id)));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveProgramme(unitId, programme?.id ?? null, {
        name,
        days,
        startTime,
        slotMinutes: typeof slotMinutes === 'number' ? slotMinutes : Number(slotMinutes),
        validFrom,
        validUntil: validUntil.trim() ? validUntil.trim() : null,
        repeat: typeof repeat === 'number' ? repeat : Number(repeat),
        playlist,
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" mb="sm" data-testid="programme-form">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {programme ? S.editTitle(programme.name) : S.newTitle}
        </Title>
        {error && (
          <Alert color="red" data-testid="programme-form-error">
            {error}
          </Alert>
        )}
        <TextInput label={S.fName} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="programme-name" />
        <Checkbox.Group label={S.fDays} value={days.map(String)} onChange={(v) => setDays(v.map(Number).sort((a, b) => a - b))}>
          <Group gap="sm" mt={4}>
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={String(d)} label={WEEKDAY_LABELS[d]} data-testid={`programme-day-option-${d}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="sm" align="flex-end">
          <TextInput label={S.fStart} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} w={160} data-testid="programme-start" />
          <NumberInput label={S.fMinutes} value={slotMinutes} onChange={setSlotMinutes} min={1} max={720} w={160} data-testid="programme-minutes" />
          <NumberInput label={S.fRepeat} value={repeat} onChange={setRepeat} min={1} max={20} w={180} />
        </Group>
        <Group gap="sm">
          <TextInput label={S.fFrom} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} w={220} />
          <TextInput label={S.fUntil} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} w={220} />
        </Group>
        <Text size="sm" fw={500}>
          {S.fPlaylist}
        </Text>
        {playlist.length === 0 && (
          <Text size="sm" c="dimmed">
            {S.emptyPlaylist}
          </Text>
        )}
        {playlist.map((id, i) => (
          <Group key={id} gap="xs">
            <Text size="sm">
              {i + 1}. {titles.get(id) ?? id}
            </Text>
            {i > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => move(i)}>
                {S.up}
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPlaylist((l) => l.filter((x) => x !== id))}>
              {S.drop}
            </Button>
          </Group>
        ))}
        {addable.length > 0 && (
          <Group gap="xs">
            {addable.map((q) => (
              <Button key={q.bulletinId} size="compact-xs" variant="light" onClick={() => setPlaylist((l) => [...l, q.bulletinId])}>
                + {q.title}
              </Button>
            ))}
          </Group>
        )}
        <Group gap="xs">
          <Button onClick={() => void submit()} loading={busy} data-testid="programme-save">
            {S.save}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {S.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
