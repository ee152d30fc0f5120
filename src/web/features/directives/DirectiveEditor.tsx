// Compose / edit a draft directive, with a live Decree 30 preview of its first page.
import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api.ts';
import { getGroup, listGroups, type Group as RecipientGroup } from '../groups/groups-api.ts';
import { getUnit } from '../units/units-api.ts';
import { CC_PURPOSES, createDirective, directiveStep, SIGNER_AUTHORITIES, updateDirective, URGENCIES, type CcPurpose, type Directive, type SignerAuthority, type Urgency } from './directives-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { useSession } from '../../app/session.tsx';
import { UnitSearchPicker } from '../../app/ui.tsx';
import { rememberUnitName, useUnitName } from '../../app/unit-names.ts';
import { useAsync } from '../../app/use-async.ts';
import type { MessageKey } from '../../i18n.ts';
import { Link, navigate } from '../../router.tsx';
import { AttachmentsEditor } from './Attachments.tsx';
import { DirectivePreview } from './DirectivePreview.tsx';
import { viewFromForm } from './doc-view.ts';
import {
  emptyCc,
  emptyForm,
  emptySection,
  formFromDirective,
  formToInput,
  issuerDefaults,
  lines,
  problemText,
  validateForm,
  type DraftForm,
  type FormProblem,
} from './draft-form.ts';
import { StatusBadge, useDocTypes } from './shared.tsx';
import { directiveStrings } from './strings.ts';

type Patch = (p: Partial<DraftForm>) => void;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Adds a name to the Kính gửi lines unless it is there already. */
function withAddressee(text: string, name: string): string {
  const ls = lines(text);
  return ls.includes(name) ? text : [...ls, name].join('\n');
}
function withoutAddressee(text: string, name: string): string {
  return lines(text)
    .filter((l) => l !== name)
    .join('\n');
}

function PickedUnit({ id, onRemove }: { id: string; onRemove: (name: string | null) => void }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const name = useUnitName(id);
  return (
    <li>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="sm">{name ?? '…'}</Text>
        <CloseButton size="sm" aria-label={S.removeUnit({ name: name ?? id })} onClick={() => onRemove(name)} />
      </Group>
    </li>
  );
}

function ForeignGroup({ id, checked, onToggle }: { id: string; checked: boolean; onToggle: (g: { id: string; name: string }) => void }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const res = useAsync(() => getGroup(id), [id]);
  const name = res.data?.name ?? S.otherGroup;
  return <Checkbox label={name} checked={checked} onChange={() => onToggle({ id, name })} data-testid="recipient-group" />;
}

function RecipientsField({ form, patch, ownerUnitId }: { form: DraftForm; patch: Patch; ownerUnitId: string }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const [at] = useAtDate();
  const groups = useAsync(() => listGroups(ownerUnitId), [ownerUnitId]);
  const own = groups.data ?? [];
  const foreign = form.recipientGroups.filter((id) => !own.some((g) => g.id === id));

  const toggleGroup = (g: Pick<RecipientGroup, 'id' | 'name'>) => {
    const on = form.recipientGroups.includes(g.id);
    patch({
      recipientGroups: on ? form.recipientGroups.filter((x) => x !== g.id) : [...form.recipientGroups, g.id],
      addressees: on ? withoutAddressee(form.addressees, g.name) : withAddressee(form.addressees, g.name),
    });
  };

  return (
    <Section title={S.recipients}>
      <Text size="xs" c="dimmed">
        {S.recipientsHint}
      </Text>
      <Text size="sm" fw={500}>
        {S.groupsOfUnit}
      </Text>
      {groups.data && own.length === 0 && foreign.length === 0 && (
        <Text size="sm" c="dimmed">
          {S.noGroups}
        </Text>
      )}
      <Stack gap={6}>
        {own.map((g) => (
          <Checkbox
            key={g.id}
            label={g.name}
            checked={form.recipientGroups.includes(g.id)}
            onChange={() => toggleGroup(g)}
            data-testid="recipient-group"
          />
        ))}
        {foreign.map((id) => (
          <ForeignGroup key={id} id={id} checked onToggle={toggleGroup} />
        ))}
      </Stack>
      {form.recipientUnits.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={S.pickedUnits} data-testid="recipient-units">
          {form.recipientUnits.map((id) => (
            <PickedUnit
              key={id}
              id={id}
              onRemove={(name) =>
                patch({
                  recipientUnits: form.recipientUnits.filter((x) => x !== id),
                  addressees: name ? withoutAddressee(form.addressees, name) : form.addressees,
                })
              }
            />
          ))}
        </ul>
      )}
      <UnitSearchPicker
        label={S.addUnit}
        at={at}
        editions="current"
        excludeIds={form.recipientUnits}
        testId="recipient-unit-search"
        onPick={(u) => {
          rememberUnitName(u.id, u.name);
          patch({ recipientUnits: [...form.recipientUnits, u.id], addressees: withAddressee(form.addressees, u.name) });
        }}
      />
    </Section>
  );
}

function BodyField({ form, patch }: { form: DraftForm; patch: Patch }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const setSection = (i: number, p: Partial<DraftForm['sections'][number]>) =>
    patch({ sections: form.sections.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  return (
    <Section title={S.body}>
      <Text size="xs" c="dimmed">
        {S.bodyHint}
      </Text>
      <Textarea
        label={S.opening}
        autosize
        minRows={2}
        maxRows={12}
        value={form.opening}
        onChange={(e) => patch({ opening: e.currentTarget.value })}
        data-testid="f-opening"
      />
      {form.sections.map((s, i) => (
        <Paper key={s.key} withBorder p="xs" bg="gray.0">
          <Stack gap={6}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={S.sectionNumber}
                value={s.number}
                onChange={(e) => setSection(i, { number: e.currentTarget.value })}
                w={90}
                data-testid={`f-section-number-${i}`}
              />
              <TextInput
                label={S.sectionHeading}
                value={s.heading}
                onChange={(e) => setSection(i, { heading: e.currentTarget.value })}
                style={{ flex: 1 }}
                data-testid={`f-section-heading-${i}`}
              />
              <CloseButton
                aria-label={S.removeSection({ n: s.number || i + 1 })}
                onClick={() => patch({ sections: form.sections.filter((_, j) => j !== i) })}
                mb={6}
              />
            </Group>
            <Textarea
              label={S.sectionText({ n: s.number || i + 1 })}
              autosize
              minRows={3}
              maxRows={16}
              value={s.text}
              onChange={(e) => setSection(i, { text: e.currentTarget.value })}
              data-testid={`f-section-text-${i}`}
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        size="compact-sm"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => patch({ sections: [...form.sections, emptySection(String(form.sections.length + 1))] })}
        data-testid="section-add"
      >
        + {S.addSection}
      </Button>
      <Textarea
        label={S.closing}
        autosize
        minRows={2}
        maxRows={8}
        value={form.closing}
        onChange={(e) => patch({ closing: e.currentTarget.value })}
        data-testid="f-closing"
      />
    </Section>
  );
}

function CcField({ form, patch }: { form: DraftForm; patch: Patch }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const setCc = (i: number, p: Partial<DraftForm['cc'][number]>) => patch({ cc: form.cc.map((c, j) => (j === i ? { ...c, ...p } : c)) });
  return (
    <Section title={S.cc}>
      {form.cc.map((c, i) => (
        <Group key={c.key} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={S.ccName}
            value={c.name}
            onChange={(e) => setCc(i, { name: e.currentTarget.value })}
            style={{ flex: 1 }}
            data-testid={`f-cc-name-${i}`}
          />
          <NativeSelect
            label={S.ccPurpose}
            value={c.purpose}
            onChange={(e) => setCc(i, { purpose: e.currentTarget.value as CcPurpose | '' })}
            data={[
              { value: '', label: S.ccPurposes.none },
              ...CC_PURPOSES.map((p) => ({ value: p, label: S.ccPurposes[p] })),
            ]}
            w={190}
            data-testid={`f-cc-purpose-${i}`}
          />
          <CloseButton aria-label={S.removeCc({ n: i + 1 })} onClick={() => patch({ cc: form.cc.filter((_, j) => j !== i) })} mb={6} />
        </Group>
      ))}
      <Button variant="light" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => patch({ cc: [...form.cc, emptyCc()] })} data-testid="cc-add">
        + {S.addCc}
      </Button>
      <TextInput label={S.archive} value={form.archive} onChange={(e) => patch({ archive: e.currentTarget.value })} data-testid="f-archive" />
    </Section>
  );
}

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
            <TextInput
              label={S.issuerParent}
              value={form.issuerParent}
              onChange={(e) => patch({ issuerParent: e.currentTarget.value })}
              data-testid="f-issuerParent"
            />
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
            <Checkbox
              label={S.public}
              checked={form.public}
              onChange={(e) => patch({ public: e.currentTarget.checked })}
              data-testid="f-public"
            />
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
              <TextInput
                label={S.signerPosition}
                value={form.signerPosition}
                onChange={(e) => patch({ signerPosition: e.currentTarget.value })}
                data-testid="f-signer-position"
              />
            </Group>
            <TextInput
              label={S.signerTitle}
              value={form.signerTitle}
              onChange={(e) => patch({ signerTitle: e.currentTarget.value })}
              data-testid="f-signer-title"
            />
            <TextInput
              label={S.signerName}
              value={form.signerName}
              onChange={(e) => patch({ signerName: e.currentTarget.value })}
              data-testid="f-signer-name"
            />
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
