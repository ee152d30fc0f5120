// Workflow buttons for a directive (the steps its capabilities allow the user), with the
// dialogs of the steps that need input: return (comment), issue (date), revoke (reason).
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api.ts';
import { directiveStep, type Directive, type WorkflowStep } from './directives-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { navigate } from '../../router.tsx';
import { IssueRecipients, type IssueState } from './IssueRecipients.tsx';
import { availableSteps, type StepName } from './workflow.ts';
import { directiveStrings } from './strings.ts';

type Dialog = 'return' | 'issue' | 'revoke' | null;

const COLORS: Partial<Record<StepName, string>> = { return: 'orange', revoke: 'red', amend: 'gray' };

export function WorkflowActions({ directive, onChanged }: { directive: Directive; onChanged: (d: Directive) => void }) {
  const { t, lang } = useI18n();
  const S = directiveStrings(lang);
  const { notify, notifyError } = useNotify();
  const [busy, setBusy] = useState<StepName | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);
  // Issue: the recipients check at the chosen date, and the clerk's confirmation to leave some out.
  const [issueState, setIssueState] = useState<IssueState>('loading');
  const [allowUnreached, setAllowUnreached] = useState(false);
  const steps = availableSteps(directive.capabilities).filter((s) => s !== 'submit');

  async function run(s: WorkflowStep): Promise<boolean> {
    setBusy(s.step);
    setDialogError(null);
    try {
      const d = await directiveStep(directive.id, s);
      const done = S.done[s.step];
      notify('success', typeof done === 'function' ? done({ symbol: d.fullSymbol }) : done);
      if (s.step === 'amend') navigate(`/outgoing/${encodeURIComponent(d.id)}`);
      else onChanged(d);
      return true;
    } catch (err) {
      if (dialog) setDialogError(errorMessage(err, lang));
      else notifyError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  function open(d: Exclude<Dialog, null>) {
    setText('');
    setDate('');
    setAllowUnreached(false);
    setDialogError(null);
    setDialog(d);
  }

  async function confirm() {
    if (dialog === 'return' || dialog === 'revoke') {
      if (!text.trim()) return setDialogError(S.needComment);
      const ok = await run(dialog === 'return' ? { step: 'return', comment: text.trim() } : { step: 'revoke', reason: text.trim() });
      if (ok) setDialog(null);
    } else if (dialog === 'issue') {
      const ok = await run({ step: 'issue', ...(date ? { date } : {}), ...(issueState === 'confirm' && allowUnreached ? { allowUnreached: true } : {}) });
      if (ok) setDialog(null);
    }
  }

  const click = (s: StepName) => {
    if (s === 'return' || s === 'issue' || s === 'revoke') open(s);
    else void run({ step: s });
  };

  return (
    <>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-actions">
          {S.noActions}
        </Text>
      ) : (
        <Group gap="sm" data-testid="workflow-actions">
          {steps.map((s) => (
            <Button
              key={s}
              variant={COLORS[s] ? 'light' : 'filled'}
              color={COLORS[s]}
              loading={busy === s}
              disabled={busy !== null}
              onClick={() => click(s)}
              data-testid={`action-${s}`}
            >
              {S[s]}
            </Button>
          ))}
        </Group>
      )}
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? S[`${dialog}Title`] : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          noValidate
        >
          <Stack gap="sm">
            {dialogError && (
              <Text c="red.8" size="sm" role="alert" data-testid="step-error">
                {dialogError}
              </Text>
            )}
            {dialog === 'issue' ? (
              <>
                <Text size="sm">{S.issueHint}</Text>
                <TextInput
                  type="date"
                  label={S.issueDate}
                  description={S.issueDateHint}
                  value={date}
                  onChange={(e) => {
                    setDate(e.currentTarget.value);
                    setAllowUnreached(false);
                  }}
                  data-testid="issue-date"
                />
                <IssueRecipients directiveId={directive.id} date={date} confirmed={allowUnreached} onConfirmed={setAllowUnreached} onState={setIssueState} />
              </>
            ) : (
              <Textarea
                label={dialog === 'revoke' ? S.revokeReason : S.returnComment}
                required
                autosize
                minRows={3}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                data-testid="step-comment"
                data-autofocus
              />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={dialog === 'revoke' ? 'red' : dialog === 'return' ? 'orange' : undefined}
                loading={busy !== null}
                disabled={dialog === 'issue' && (issueState === 'loading' || issueState === 'blocked' || (issueState === 'confirm' && !allowUnreached))}
                data-testid="step-confirm"
              >
                {dialog === 'issue' ? S.issue : S.confirm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
