// The public correction: once the leader approved a rated verdict, a portal article (with ClaimReview) and the
// channels it goes to (SMS, loudspeakers, social pages); once published, its link and what carries it.
import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { Link } from '../../router.tsx';
import { publishCorrection } from './actions-api.ts';
import { actionStrings } from './actions-strings.ts';
import type { CaseProps } from './case-parts.tsx';
import { RUMOR_LIMITS } from './rumors-api.ts';

export function CorrectionPanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const k = c.correction;
  const hint = !k && !c.capabilities.canPublish && c.capabilities.canWrite && c.conclusionState !== 'approved';
  if (!k && !c.capabilities.canPublish && !hint) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm" data-testid="rumor-correction">
        <Title order={2} size="h4">
          {A.correctionTitle}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {A.correctionNotYet}
          </Text>
        )}
        {k && (
          <Stack gap={4}>
            <Anchor href={k.url} target="_blank" rel="noopener" data-testid="rumor-correction-link">
              {A.openCorrection}
            </Anchor>
            {k.publishedAt && <Text size="sm">{A.publishedAt(formatDateTime(k.publishedAt, lang))}</Text>}
            {k.broadcastId && <Link to={`/sms/${encodeURIComponent(k.broadcastId)}`}>{A.openBroadcast}</Link>}
            {k.socialPublications > 0 && <Text size="sm">{A.socialPublications(k.socialPublications)}</Text>}
          </Stack>
        )}
        {!k && c.capabilities.canPublish && <CorrectionForm c={c} onChanged={onChanged} />}
      </Stack>
    </Paper>
  );
}

function CorrectionForm({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const A = actionStrings(lang);
  const { notify } = useNotify();
  const [title, setTitle] = useState(`Đính chính: ${c.title}`.slice(0, RUMOR_LIMITS.title));
  const [body, setBody] = useState(c.verdictSummary ?? '');
  const [channels, setChannels] = useState<string[]>(['social']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || !body.trim()) {
          setError(A.required);
          return;
        }
        setBusy(true);
        setError(null);
        publishCorrection(c.id, {
          title: title.trim(),
          body: body.trim(),
          channels: { sms: channels.includes('sms'), loudspeaker: channels.includes('loudspeaker'), social: channels.includes('social') },
        }).then(
          (out) => {
            onChanged(out);
            notify('success', A.published);
          },
          (err: unknown) => {
            setError(errorMessage(err, lang));
            setBusy(false);
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {A.correctionIntro}
        </Text>
        <TextInput
          label={A.correctionHeading}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={RUMOR_LIMITS.title}
          data-testid="rumor-correction-title"
        />
        <Textarea
          label={A.correctionBody}
          required
          autosize
          minRows={5}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={20_000}
          data-testid="rumor-correction-body"
        />
        <Checkbox.Group label={A.channels} value={channels} onChange={setChannels}>
          <Group gap="md" mt={4} wrap="wrap">
            <Checkbox value="social" label={A.channelSocial} />
            <Checkbox value="sms" label={A.channelSms} />
            <Checkbox value="loudspeaker" label={A.channelLoudspeaker} />
          </Group>
        </Checkbox.Group>
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={busy} data-testid="rumor-correction-publish">
            {A.publish}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
