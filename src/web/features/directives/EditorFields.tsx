// The editor's field groups: Kính gửi (units and groups), the body's sections, Nơi nhận (cc).
import { Button, Checkbox, CloseButton, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { getGroup, listGroups, type Group as RecipientGroup } from '../groups/groups-api.ts';
import { CC_PURPOSES, type CcPurpose } from './directives-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { UnitSearchPicker } from '../../app/ui.tsx';
import { rememberUnitName, useUnitName } from '../../app/unit-names.ts';
import { useAsync } from '../../app/use-async.ts';
import { emptyCc, emptySection, lines, type DraftForm } from './draft-form.ts';
import { directiveStrings } from './strings.ts';

export type Patch = (p: Partial<DraftForm>) => void;

export function Section({ title, children }: { title: string; children: ReactNode }) {
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

export function RecipientsField({ form, patch, ownerUnitId }: { form: DraftForm; patch: Patch; ownerUnitId: string }) {
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
          <Checkbox key={g.id} label={g.name} checked={form.recipientGroups.includes(g.id)} onChange={() => toggleGroup(g)} data-testid="recipient-group" />
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

export function BodyField({ form, patch }: { form: DraftForm; patch: Patch }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const setSection = (i: number, p: Partial<DraftForm['sections'][number]>) => patch({ sections: form.sections.map((s, j) => (j === i ? { ...s, ...p } : s)) });
  return (
    <Section title={S.body}>
      <Text size="xs" c="dimmed">
        {S.bodyHint}
      </Text>
      <Textarea label={S.opening} autosize minRows={2} maxRows={12} value={form.opening} onChange={(e) => patch({ opening: e.currentTarget.value })} data-testid="f-opening" />
      {form.sections.map((s, i) => (
        <Paper key={s.key} withBorder p="xs" bg="gray.0">
          <Stack gap={6}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label={S.sectionNumber} value={s.number} onChange={(e) => setSection(i, { number: e.currentTarget.value })} w={90} data-testid={`f-section-number-${i}`} />
              <TextInput
                label={S.sectionHeading}
                value={s.heading}
                onChange={(e) => setSection(i, { heading: e.currentTarget.value })}
                style={{ flex: 1 }}
                data-testid={`f-section-heading-${i}`}
              />
              <CloseButton aria-label={S.removeSection({ n: s.number || i + 1 })} onClick={() => patch({ sections: form.sections.filter((_, j) => j !== i) })} mb={6} />
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
      <Textarea label={S.closing} autosize minRows={2} maxRows={8} value={form.closing} onChange={(e) => patch({ closing: e.currentTarget.value })} data-testid="f-closing" />
    </Section>
  );
}

export function CcField({ form, patch }: { form: DraftForm; patch: Patch }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const setCc = (i: number, p: Partial<DraftForm['cc'][number]>) => patch({ cc: form.cc.map((c, j) => (j === i ? { ...c, ...p } : c)) });
  return (
    <Section title={S.cc}>
      {form.cc.map((c, i) => (
        <Group key={c.key} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={S.ccName} value={c.name} onChange={(e) => setCc(i, { name: e.currentTarget.value })} style={{ flex: 1 }} data-testid={`f-cc-name-${i}`} />
          <NativeSelect
            label={S.ccPurpose}
            value={c.purpose}
            onChange={(e) => setCc(i, { purpose: e.currentTarget.value as CcPurpose | '' })}
            data={[{ value: '', label: S.ccPurposes.none }, ...CC_PURPOSES.map((p) => ({ value: p, label: S.ccPurposes[p] }))]}
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
