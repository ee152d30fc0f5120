// The workflow buttons a bulletin's capabilities allow (the server's policy decides; the buttons follow), with the
// confirmation of the khẩn cấp one-step publication and the cancel dialog.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { href } from '../../router.tsx';
import { bulletinStep, type BulletinStep, type BulletinView } from './bulletins-api.ts';
import { bulletinStrings } from './strings.ts';

const STEPS: BulletinStep[] = ['submit', 'approve', 'emergencyApprove', 'cancel'];

export function BulletinActions({ bulletin, onChanged }: { bulletin: BulletinView; onChanged: (b: BulletinView) => void }) {
  const { lang } = useI18n();
  const S = bulletinStrings(lang);
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState<BulletinStep | null>(null);
  const [dialog, setDialog] = useState<'emergencyApprove' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);
  const caps = bulletin.capabilities;
  const steps = STEPS.filter((s) => caps[s]);

  async function run(step: BulletinStep): Promise<void> {
    setBusy(step);
    setDialogError(null);
    try {
      const b = await bulletinStep(bulletin, step, { reason: reason.trim() || null });
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

  if (!caps.edit && steps.length === 0) return null;
  return (
    <>
      <Group gap="sm" wrap="wrap" data-testid="bulletin-actions">
        {caps.edit && (
          <Button component="a" variant="default" href={href(`/bulletins/${encodeURIComponent(bulletin.id)}/edit`)} data-testid="bulletin-edit">
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
            onClick={() => (s === 'emergencyApprove' || s === 'cancel' ? setDialog(s) : void run(s))}
            data-testid={`bulletin-${s}`}
          >
            {S.steps[s]}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? S.steps[dialog] : ''} closeButtonProps={{ 'aria-label': S.close }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog) void run(dialog);
          }}
          noValidate
        >
          <Stack gap="sm">
            {dialogError && (
              <Text c="red.8" size="sm" role="alert">
                {dialogError}
              </Text>
            )}
            {dialog === 'emergencyApprove' ? (
              <Alert color="red">{S.emergencyConfirm}</Alert>
            ) : (
              <Textarea label={S.cancelReason} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {S.close}
              </Button>
              <Button type="submit" color="red" loading={busy !== null} data-testid="bulletin-step-confirm">
                {S.confirm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
