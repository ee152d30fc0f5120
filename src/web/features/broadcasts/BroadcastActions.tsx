// The workflow buttons a campaign's capabilities allow the user (the server's policy decides; the buttons follow),
// with the emergency approval's confirmation (it is recorded in the audit log) and the cancel dialog.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { href } from '../../router.tsx';
import { broadcastStep, type BroadcastStep, type BroadcastView } from './broadcasts-api.ts';
import { broadcastStrings } from './strings.ts';

type Dialog = 'emergencyApprove' | 'cancel' | null;

const STEPS: BroadcastStep[] = ['submit', 'approve', 'emergencyApprove', 'cancel'];

export function BroadcastActions({ broadcast, onChanged }: { broadcast: BroadcastView; onChanged: (b: BroadcastView) => void }) {
  const { lang } = useI18n();
  const S = broadcastStrings(lang);
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState<BroadcastStep | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);
  const caps = broadcast.capabilities;
  const steps = STEPS.filter((s) => caps[s]);

  async function run(step: BroadcastStep): Promise<void> {
    setBusy(step);
    setDialogError(null);
    try {
      const b = await broadcastStep(broadcast.id, step, step === 'cancel' ? { reason: reason.trim() || null } : {});
      notify('success', S.done[step]);
      setDialog(null);
      onChanged(b);
    } catch (err) {
      if (dialog) setDialogError(errorMessage(err, lang));
      else notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  const click = (s: BroadcastStep) => {
    if (s === 'emergencyApprove' || s === 'cancel') {
      setReason('');
      setDialogError(null);
      setDialog(s);
    } else void run(s);
  };

  if (!caps.edit && steps.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="broadcast-no-actions">
        {S.noActions}
      </Text>
    );
  }
  return (
    <>
      <Group gap="sm" wrap="wrap" data-testid="broadcast-actions">
        {caps.edit && (
          <Button component="a" variant="default" href={href(`/sms/${encodeURIComponent(broadcast.id)}/edit`)} data-testid="broadcast-edit">
            {S.edit}
          </Button>
        )}
        {steps.map((s) => (
          <Button
            key={s}
            color={s === 'emergencyApprove' || s === 'cancel' ? 'red' : undefined}
            variant={s === 'cancel' ? 'light' : 'filled'}
            loading={busy === s}
            disabled={busy !== null}
            onClick={() => click(s)}
            data-testid={`broadcast-${s}`}
          >
            {S[s]}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog === 'cancel' ? S.cancelTitle : S.emergencyTitle} closeButtonProps={{ 'aria-label': S.close }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog) void run(dialog);
          }}
          noValidate
        >
          <Stack gap="sm">
            {dialogError && (
              <Text c="red.8" size="sm" role="alert" data-testid="broadcast-step-error">
                {dialogError}
              </Text>
            )}
            {dialog === 'emergencyApprove' ? (
              <Alert color="red" data-testid="emergency-explain">
                {S.emergencyExplain}
              </Alert>
            ) : (
              <>
                <Text size="sm">{S.cancelExplain}</Text>
                <Textarea label={S.cancelReason} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="broadcast-cancel-reason" />
              </>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {S.close}
              </Button>
              <Button type="submit" color="red" loading={busy !== null} data-testid="broadcast-step-confirm">
                {dialog === 'cancel' ? S.confirmCancel : S.emergencyConfirm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
