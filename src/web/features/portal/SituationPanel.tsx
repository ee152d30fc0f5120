// Daily situation figures of a section: the form for one date (the section's
// configured fields) and the recent history. Saved figures are public at once.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { listSituation, PORTAL_LIMITS, saveSituation, type Section, type SituationUpdate } from './portal-api.ts';
import { portalStrings } from './strings.ts';

/** Today in Việt Nam (the server dates figures by the Vietnamese calendar day). */
export function vnToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const NUMBER = /^\d{1,9}$/;

export function parseFigure(v: string): number | null {
  const s = v.trim().replace(/[.\s]/g, '');
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return n <= PORTAL_LIMITS.figure ? n : null;
}

export function SituationPanel({ section, canWrite }: { section: Section; canWrite: boolean }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const { notify, notifyError } = useNotify();
  const fields = section.situationFields;
  const res = useAsync(() => listSituation(section.id), [section.id], fields !== null);
  const today = vnToday();
  const [date, setDate] = useState(today);
  const [values, setValues] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const existing = res.data?.find((u) => u.date === date) ?? null;
  // The form waits for the saved figures (the history below shows it loading): arriving later, they
  // would replace what the editor had typed.
  const known = res.data !== undefined || res.error != null;

  // Load the chosen date's figures (a correction) or start blank.
  useEffect(() => {
    setValues(existing ? Object.fromEntries(Object.entries(existing.figures).map(([k, v]) => [k, String(v)])) : {});
    setNote(existing?.note ?? '');
    setErrors({});
  }, [existing]);

  if (!fields) return <Alert color="gray">{s.situationNotConfigured}</Alert>;

  async function save() {
    if (!fields) return;
    const errs: Record<string, string> = {};
    const figures: Record<string, number> = {};
    for (const f of fields) {
      const raw = values[f.key] ?? '';
      if (raw.trim() === '') continue;
      const n = parseFigure(raw);
      if (n === null) errs[f.key] = s.badFigure;
      else figures[f.key] = n;
    }
    if (date > today) errs.date = s.situationFuture;
    if (note.length > PORTAL_LIMITS.note) errs.note = s.tooLong(PORTAL_LIMITS.note);
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const saved = await saveSituation(section.id, date, { figures, note: note.trim() || null });
      res.setData((list) => [saved, ...(list ?? []).filter((u) => u.date !== saved.date)].sort((a, b) => b.date.localeCompare(a.date)));
      notify('success', s.situationSaved(formatDate(date, lang)));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      {canWrite && known && (
        <Paper
          withBorder
          p="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="situation-form"
        >
          <Stack gap="sm">
            <TextInput
              type="date"
              label={s.situationDate}
              value={date}
              max={today}
              onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
              error={errors.date}
              w={200}
              data-testid="situation-date"
            />
            {existing && (
              <Text size="sm" c="dimmed">
                {s.situationExisting}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              {fields.map((f) => (
                <TextInput
                  key={f.key}
                  label={f.label}
                  inputMode="numeric"
                  value={values[f.key] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setValues((x) => ({ ...x, [f.key]: v }));
                  }}
                  error={errors[f.key]}
                  data-testid={`situation-field-${f.key}`}
                />
              ))}
            </SimpleGrid>
            <Textarea
              label={s.situationNote}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={PORTAL_LIMITS.note}
              error={errors.note}
              data-testid="situation-note"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="situation-save">
                {s.situationSave}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Title order={2} size="h5">
        {s.history}
      </Title>
      {res.loading && !res.data && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && <History fields={fields} items={res.data} onPick={canWrite ? setDate : undefined} />}
    </Stack>
  );
}

function History({ fields, items, onPick }: { fields: { key: string; label: string }[]; items: SituationUpdate[]; onPick: ((date: string) => void) | undefined }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (items.length === 0) {
    return (
      <Paper withBorder p="sm">
        <Text size="sm">{s.historyEmpty}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" data-testid="situation-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.colDate}</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f.key} style={{ textAlign: 'right' }}>
                  {f.label}
                </Table.Th>
              ))}
              <Table.Th>{s.colNote}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((u) => (
              <Table.Tr key={u.id} data-testid="situation-row" data-date={u.date}>
                <Table.Td>
                  {onPick ? (
                    <button type="button" className="loa-list-button" onClick={() => onPick(u.date)} style={{ padding: 0 }}>
                      {formatDate(u.date, lang)}
                    </button>
                  ) : (
                    formatDate(u.date, lang)
                  )}
                </Table.Td>
                {fields.map((f) => (
                  <Table.Td key={f.key} style={{ textAlign: 'right' }}>
                    {u.figures[f.key] === undefined ? '–' : nf.format(u.figures[f.key] ?? 0)}
                  </Table.Td>
                ))}
                <Table.Td>{u.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
