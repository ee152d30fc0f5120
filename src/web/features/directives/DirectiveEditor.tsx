// Compose / edit a draft directive, with a live Decree 30 preview of its first page.
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { getUnit } from '../units/units-api.ts';
import { createDirective, directiveStep, SIGNER_AUTHORITIES, updateDirective, URGENCIES, type Directive, type SignerAuthority, type Urgency } from './directives-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import type { MessageKey } from '../../i18n.ts';
import { Link, navigate } from '../../router.tsx';
import { AttachmentsEditor } from './Attachments.tsx';
import { DirectivePreview } from './DirectivePreview.tsx';
import { viewFromForm } from './doc-view.ts';
import { emptyForm, formFromDirective, formToInput, issuerDefaults, problemText, validateForm, type DraftForm, type FormProblem } from './draft-form.ts';
import { StatusBadge, useDocTypes } from './shared.tsx';
import { directiveStrings } from './strings.ts';
import { BodyField, CcField, RecipientsField, Section, type Patch } from './EditorFields.tsx';

export function DirectiveEditor({ directive, onChanged }: { directive: Directive | null; onChanged?: (d: Directive) => void }) {
  const { t, lang } = useI18n();
  const S = directiveStrings(lang);
  const { me } = useSession();
  const { notify, notifyError } = useNotify();
  const { types, nameOf } = useDocTypes();
  const [form, setForm] = useState<DraftForm>(() => (directive ? formFromDirective(directive) : emptyForm()));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const issuerUnitId = directive?.issuerUnitId ?? me.unitId;

  // A new draft: issuing body, parent body and place from the drafter's unit.
  useEffect(() => {
    if (directive) return;
    let alive = true;
    getUnit(me.unitId).then(
      (u) => {
        if (!alive) return;
        const d = issuerDefaults(u.unit.name, u.path);
        setForm((f) => ({
          ...f,
          issuerParent: f.issuerParent || d.issuerParent,
          issuer: f.issuer || d.issuer,
          place: f.place || d.place,
        }));
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [directive, me.unitId]);

  const patch: Patch = (p) => {
    setForm((f) => ({ ...f, ...p }));
    if (problems.length) setProblems((ps) => ps.filter((x) => !(x.field in p)));
  };
  const problemOf = (field: keyof DraftForm): string | undefined => {
    const p = problems.find((x) => x.field === field);
    return p ? problemText(S, p) : undefined;
  };

  async function save(thenSubmit: boolean) {
    const found = validateForm(form, thenSubmit);
    setProblems(found);
    setServerError(null);
    if (found.length) return;
    setBusy(thenSubmit ? 'submit' : 'save');
    try {
      const input = formToInput(form);
      let d = directive ? await updateDirective(directive.id, input) : await createDirective({ ...input, issuerUnitId });
      if (thenSubmit) {
        d = await directiveStep(d.id, { step: 'submit' });
        notify('success', S.done.submit);
      } else {
        notify('success', S.saved);
      }
      if (!directive) navigate(`/outgoing/${encodeURIComponent(d.id)}`, { replace: true });
      else onChanged?.(d);
    } catch (err) {
      setServerError(errorMessage(err, lang));
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  const view = viewFromForm(form, nameOf(form.docType));

  return (
    <Stack gap="md">
      <Link to="/outgoing">{S.back}</Link>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={1} size="h3">
            {directive ? S.editTitle : S.newTitle}
          </Title>
          {directive && <StatusBadge status={directive.status} testId="directive-status" />}
        </Group>
        <Group gap="sm">
          <Button variant="default" loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)} data-testid="action-save">
            {S.save}
          </Button>
          <Button loading={busy === 'submit'} disabled={busy !== null} onClick={() => void save(true)} data-testid="action-submit">
            {S.submit}
          </Button>
        </Group>
      </Group>
      {directive?.status === 'returned' && directive.returnComment && (
        <Alert color="orange" title={S.returned} data-testid="return-comment">
          {directive.returnComment}
        </Alert>
      )}
      {(problems.length > 0 || serverError) && (
        <Alert color="red" role="alert" data-testid="form-errors">
          <Stack gap={2}>
            {problems.map((p) => (
              <span key={p.key}>{problemText(S, p)}</span>
            ))}
            {serverError && <span>{serverError}</span>}
          </Stack>
        </Alert>
      )}
      <div className="loa-compose">
        <Stack gap="sm" className="loa-compose-form">
          <Section title={S.header}>
            <Group grow align="flex-start" wrap="wrap" gap="xs">
              <NativeSelect
                label={S.type}
                value={form.docType}
                onChange={(e) => patch({ docType: e.currentTarget.value })}
                data={types.length ? types.map((x) => ({ value: x.code, label: `${x.name} (${x.code})` })) : [{ value: form.docType, label: form.docType }]}
                data-testid="f-docType"
              />
              <TextInput
                label={S.symbol}
                required
                value={form.symbol}
                onChange={(e) => patch({ symbol: e.currentTarget.value })}
                error={problemOf('symbol')}
                placeholder="UBND-VX"
                data-testid="f-symbol"
              />
            </Group>
            <Text size="xs" c="dimmed">
              {S.symbolHint}
            </Text>
            <TextInput label={S.issuerParent} value={form.issuerParent} onChange={(e) => patch({ issuerParent: e.currentTarget.value })} data-testid="f-issuerParent" />
            <TextInput label={S.issuer} value={form.issuer} onChange={(e) => patch({ issuer: e.currentTarget.value })} data-testid="f-issuer" />
            <Group grow align="flex-start" wrap="wrap" gap="xs">
              <TextInput label={S.place} value={form.place} onChange={(e) => patch({ place: e.currentTarget.value })} data-testid="f-place" />
              <NativeSelect
                label={S.urgency}
                value={form.urgency}
                onChange={(e) => patch({ urgency: e.currentTarget.value as Urgency | '' })}
                data={[{ value: '', label: t('urgency.none') }, ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}` as MessageKey) }))]}
                data-testid="f-urgency"
              />
            </Group>
            <Checkbox label={S.public} checked={form.public} onChange={(e) => patch({ public: e.currentTarget.checked })} data-testid="f-public" />
            <div>
              <Text size="sm" fw={500}>
                {S.date}
              </Text>
              <Text size="xs" c="dimmed">
                {S.dateHint}
              </Text>
            </div>
            <Textarea
              label={S.subject}
              required
              autosize
              minRows={2}
              maxRows={5}
              value={form.subject}
              onChange={(e) => patch({ subject: e.currentTarget.value })}
              error={problemOf('subject')}
              data-testid="f-subject"
            />
          </Section>
          <RecipientsField form={form} patch={patch} ownerUnitId={issuerUnitId} />
          {problemOf('recipientUnits') && (
            <Text c="red.8" size="sm" role="alert">
              {problemOf('recipientUnits')}
            </Text>
          )}
          <Section title={S.addressees}>
            <Textarea
              aria-label={S.addressees}
              description={S.addresseesHint}
              autosize
              minRows={2}
              maxRows={8}
              value={form.addressees}
              onChange={(e) => patch({ addressees: e.currentTarget.value })}
              data-testid="f-addressees"
            />
          </Section>
          <BodyField form={form} patch={patch} />
          <CcField form={form} patch={patch} />
          <Section title={S.signer}>
            <Group grow align="flex-start" wrap="wrap" gap="xs">
              <NativeSelect
                label={S.signerAuthority}
                value={form.signerAuthority}
                onChange={(e) => patch({ signerAuthority: e.currentTarget.value as SignerAuthority | '' })}
                data={[{ value: '', label: S.authorityNone }, ...SIGNER_AUTHORITIES.map((a) => ({ value: a, label: a }))]}
                data-testid="f-signer-authority"
              />
              <TextInput label={S.signerPosition} value={form.signerPosition} onChange={(e) => patch({ signerPosition: e.currentTarget.value })} data-testid="f-signer-position" />
            </Group>
            <TextInput label={S.signerTitle} value={form.signerTitle} onChange={(e) => patch({ signerTitle: e.currentTarget.value })} data-testid="f-signer-title" />
            <TextInput label={S.signerName} value={form.signerName} onChange={(e) => patch({ signerName: e.currentTarget.value })} data-testid="f-signer-name" />
          </Section>
          <AttachmentsEditor directiveId={directive?.id ?? null} capabilities={directive?.capabilities ?? null} initial={directive?.files ?? []} />
        </Stack>
        <section className="loa-compose-preview" aria-label={S.preview}>
          <Text size="sm" fw={600} mb={6}>
            {S.preview}
          </Text>
          <DirectivePreview view={view} />
        </section>
      </div>
    </Stack>
  );
}
