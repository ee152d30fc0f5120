// Thông báo khẩn cấp: compose one message (communes of the unit's area, text, each channel's rendition, the channels
// with what each reaches), confirm, launch; then one view with each channel's progress, polled every 2 s.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { href, navigate } from '../../router.tsx';
import { EMERGENCY_CHANNELS, endBanner, getChoices, getEmergency, getReach, launchEmergency, listEmergencies, renditionsOf, startFrom, startingPoints } from './emergency-api.ts';
import type { ChannelStatus, Choices, EmergencyChannel, EmergencyView, Renditions } from './emergency-api.ts';
import { RenditionTabs } from './RenditionTabs.tsx';
import { emergencyStrings } from './strings.ts';

export const EMERGENCY_ROUTE = '/emergency';
const POLL_MS = 2000;

/** /emergency (compose and the recent messages), /emergency/ID (progress per channel). */
export function EmergencyPage({ path }: { path: string[] }) {
  const [id] = path;
  if (id) return <ProgressView key={id} id={id} />;
  return <ComposeView />;
}

function ComposeView() {
  const { lang } = useI18n();
  const S = emergencyStrings(lang);
  const choices = useAsync(getChoices, []);
  const recent = useAsync(listEmergencies, []);
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Text c="dimmed">{S.intro}</Text>
      {choices.loading && <Loading />}
      {choices.error !== null && <LoadError error={choices.error} onRetry={choices.reload} />}
      {choices.data && <Composer choices={choices.data} />}
      <Title order={2} size="h4">
        {S.recent}
      </Title>
      {recent.data && recent.data.length === 0 && <Text c="dimmed">{S.none}</Text>}
      {recent.data && recent.data.length > 0 && (
        <Table striped>
          <Table.Tbody>
            {recent.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor href={href(`${EMERGENCY_ROUTE}/${encodeURIComponent(e.id)}`)}>{e.title}</Anchor>
                </Table.Td>
                <Table.Td>{e.unitName}</Table.Td>
                <Table.Td>{formatDateTime(e.createdAt, lang)}</Table.Td>
                <Table.Td>{e.channels.map((c) => S.channelNames[c]).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Vietnam time (UTC+7) of a datetime-local input as an ISO string with its offset. */
const fromLocalInput = (v: string): string | null => (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? `${v}:00+07:00` : null);

function Composer({ choices }: { choices: Choices }) {
  const { lang } = useI18n();
  const S = emergencyStrings(lang);
  const { notify, notifyError } = useNotify();
  const starts = useAsync(() => startingPoints(choices.unitId), [choices.unitId]);
  const [start, setStart] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [r, setR] = useState<Renditions | null>(null);
  const [channels, setChannels] = useState<EmergencyChannel[]>([...EMERGENCY_CHANNELS]);
  const [capStatus, setCapStatus] = useState<'Actual' | 'Exercise'>('Actual');
  const [expires, setExpires] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per composed message: a retry after a lost answer gets the same launch, never a second one.
  const [requestKey] = useState(() => `web-${crypto.randomUUID()}`);
  const areaKey = areas.join(',');
  const reach = useAsync(() => getReach(choices.unitId, areas), [choices.unitId, areaKey], areas.length > 0);
  const portalUrl = window.location.origin;

  const reachText = (c: EmergencyChannel): string => {
    const d = reach.data;
    if (!d) return '';
    const why = d.unavailable[c];
    if (c === 'sms') return `${S.reach.sms(d.subscribers)}${why ? ` — ${why}` : ''}`;
    if (c === 'loudspeaker') return S.reach.loudspeaker(d.loudspeakers, d.ledBoards);
    if (c === 'social') return why ?? S.reach.social(d.pages.map((p) => p.name).join(', '));
    return S.reach[c]();
  };

  async function launch(): Promise<void> {
    if (!r) return;
    setBusy(true);
    setError(null);
    try {
      const e = await launchEmergency({
        unitId: choices.unitId,
        areaUnitIds: areas,
        title,
        text,
        channels,
        renditions: r,
        capStatus,
        expires: fromLocalInput(expires),
        idempotencyKey: requestKey,
      });
      notify('success', S.launched);
      navigate(`${EMERGENCY_ROUTE}/${encodeURIComponent(e.id)}`);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  const ready = r !== null && areas.length > 0 && channels.length > 0 && title.trim() !== '' && text.trim() !== '';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>{S.issuer(choices.unitName)}</Text>
        {!choices.capabilities.launch && <Alert color="yellow">{S.cannotLaunch}</Alert>}
        <Checkbox.Group label={S.areas} description={S.areasHint} value={areas} onChange={setAreas}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing={4}>
            {choices.communes.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.name} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {starts.data && starts.data.length > 0 && (
          <NativeSelect
            label={S.startFrom}
            value={start}
            data-testid="emergency-start"
            onChange={(e) => {
              const key = e.currentTarget.value;
              setStart(key);
              const p = starts.data?.find((x) => x.key === key);
              if (p)
                void startFrom(p).then(
                  (v) => (setTitle(v.title.slice(0, 160)), setText(v.text.slice(0, 4000)), setR(null)),
                  (err: unknown) => notifyError(err),
                );
            }}
            data={[{ value: '', label: S.startNone }, ...starts.data.map((p) => ({ value: p.key, label: p.kind === 'alert' ? S.startAlert(p.label) : S.startBroadcast(p.label) }))]}
          />
        )}
        <TextInput label={S.fTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={160} required data-testid="emergency-title" />
        <Textarea label={S.fText} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxLength={4000} required data-testid="emergency-text" />
        <Group>
          <Button variant="light" disabled={!title.trim() || !text.trim()} onClick={() => setR(renditionsOf(title, text, { portalUrl }))} data-testid="emergency-renditions">
            {S.makeRenditions}
          </Button>
        </Group>
        {r && <RenditionTabs r={r} onChange={setR} />}
        <Checkbox.Group label={S.channels} value={channels} onChange={(v) => setChannels(v)}>
          <Stack gap={4} mt="xs">
            {EMERGENCY_CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={S.channelNames[c]} description={reachText(c)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group grow align="flex-end">
          <NativeSelect
            label={S.capStatus}
            value={capStatus}
            onChange={(e) => setCapStatus(e.currentTarget.value as 'Actual' | 'Exercise')}
            data={[
              { value: 'Actual', label: S.capActual },
              { value: 'Exercise', label: S.capExercise },
            ]}
          />
          <TextInput type="datetime-local" label={S.expires} value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button color="red" disabled={!ready || !choices.capabilities.launch} onClick={() => setConfirming(true)} data-testid="emergency-launch">
            {S.launch}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={S.confirmTitle} closeButtonProps={{ 'aria-label': S.close }}>
        <Stack gap="sm">
          <Text fw={600}>{S.confirm(channels.length)}</Text>
          <Text size="sm">{channels.map((c) => S.channelNames[c]).join(', ')}</Text>
          <Text size="sm" c="dimmed">
            {S.confirmDetail}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {S.cancel}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => {
                setConfirming(false);
                void launch();
              }}
              data-testid="emergency-confirm"
            >
              {S.confirmYes}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

const WHOLE_LABEL = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
const STATE_COLOR: Record<ChannelStatus['state'], string> = { not_selected: 'gray', not_configured: 'orange', in_progress: 'blue', done: 'green', failed: 'red' };

function ProgressView({ id }: { id: string }) {
  const { lang } = useI18n();
  const S = emergencyStrings(lang);
  const { notify, notifyError } = useNotify();
  const [view, setView] = useState<EmergencyView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let stop = false;
    getEmergency(id).then(
      (v) => !stop && (setView(v), setError(null)),
      (e: unknown) => !stop && setError(e),
    );
    return () => {
      stop = true;
    };
  }, [id, tick]);
  // Poll every 2 s until every channel has its result.
  useEffect(() => {
    if (!view || view.final) return;
    const t = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(t);
  }, [view]);

  if (error !== null && !view) return <LoadError error={error} onRetry={() => setTick((n) => n + 1)} />;
  if (!view) return <Loading />;
  const banner = view.channels.find((c) => c.channel === 'banner');
  return (
    <Stack gap="md">
      <Anchor href={href(EMERGENCY_ROUTE)}>{S.back}</Anchor>
      <Title order={1} size="h3">
        {view.title}
      </Title>
      <Text>{view.text}</Text>
      <Text size="sm" c="dimmed">
        {S.issuer(view.unitName)} · {formatDateTime(view.createdAt, lang)} · {view.areas.map((a) => a.name).join(', ')}
      </Text>
      <Title order={2} size="h4">
        {S.progress}
      </Title>
      <Text size="sm" c="dimmed" aria-live="polite">
        {view.final ? S.final : S.polling}
      </Text>
      <Table data-testid="emergency-progress">
        <Table.Tbody>
          {view.channels.map((c) => (
            <Table.Tr key={c.channel} data-testid={`emergency-channel-${c.channel}`}>
              <Table.Th scope="row">{S.channelNames[c.channel]}</Table.Th>
              <Table.Td>
                <Badge color={STATE_COLOR[c.state]} variant="light" tt="none" radius="sm" styles={WHOLE_LABEL}>
                  {S.states[c.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {Object.keys(c.counts).length > 0 && (
                    <Text size="sm">
                      {Object.entries(c.counts)
                        .map(([k, n]) => `${n} ${S.figures[k] ?? k}`)
                        .join(' · ')}
                      {c.total !== null ? ` ${S.of(c.total)}` : ''}
                    </Text>
                  )}
                  {c.reason && (
                    <Text size="sm" c="dimmed">
                      {c.reason}
                    </Text>
                  )}
                  {c.items.map((i, n) => (
                    <Text size="xs" key={n}>
                      {i.label}: {S.itemStates[i.state] ?? i.state}
                      {i.url && (
                        <>
                          {' '}
                          <Anchor href={i.url} target="_blank" rel="noopener">
                            {S.open}
                          </Anchor>
                        </>
                      )}
                      {i.error ? ` — ${i.error}` : ''}
                    </Text>
                  ))}
                  {c.url && (
                    <Anchor size="sm" href={c.url} target="_blank" rel="noopener">
                      {c.url}
                    </Anchor>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {banner?.counts.shown === 1 && (
        <Group>
          <Button
            variant="light"
            color="red"
            onClick={() =>
              void endBanner(view.id).then(
                (v) => (setView(v), notify('success', S.bannerEnded)),
                (e: unknown) => notifyError(e),
              )
            }
          >
            {S.endBanner}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
