// Create / edit a recipient group: explicit list of units, or a rule
// "all units of kind K under unit U".
import { Button, CloseButton, Group as MGroup, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api.ts';
import { isUnitKind, type UnitKind } from '../../../shared/contracts/units.ts';
import { createGroup, getGroupMembers, updateGroup, type Group, type GroupRule } from './groups-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useLastNonNull } from '../../app/use-async.ts';
import { useNotify } from '../../app/notify.tsx';
import { KindSelect, UnitChooser, UnitSearchPicker } from '../../app/ui.tsx';
import { rememberUnitName, useUnitName } from '../../app/unit-names.ts';
import type { UnitRef } from '../../app/use-unit-param.ts';
import { groupStrings } from './strings.ts';

type RuleType = GroupRule['type'];

function PickedUnit({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { lang } = useI18n();
  const groupText = groupStrings(lang);
  const name = useUnitName(id);
  return (
    <li>
      <MGroup gap={4} wrap="nowrap" justify="space-between">
        <Text size="sm">{name ?? '…'}</Text>
        <CloseButton size="sm" aria-label={groupText.removeUnit({ name: name ?? id })} onClick={onRemove} />
      </MGroup>
    </li>
  );
}

export function GroupFormModal({
  target,
  owner,
  at,
  onClose,
  onSaved,
}: {
  target: Group | 'new' | null;
  owner: UnitRef;
  at: string;
  onClose: () => void;
  onSaved: (g: Group) => void;
}) {
  const { t, lang } = useI18n();
  const groupText = groupStrings(lang);
  const { notify } = useNotify();
  const shown = useLastNonNull(target);
  const existing = shown && shown !== 'new' ? shown : null;

  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ruleType, setRuleType] = useState<RuleType>('explicit');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [kind, setKind] = useState<UnitKind>('commune');
  const [under, setUnder] = useState<UnitRef | null>(owner);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const underName = useUnitName(existing?.rule.type === 'kind_under' ? existing.rule.underUnitId : null);

  useEffect(() => {
    if (!target) return;
    setName(existing?.name ?? '');
    setDescription(existing?.description ?? '');
    setError(null);
    const r = existing?.rule;
    setRuleType(r?.type ?? 'explicit');
    setUnitIds(r?.type === 'explicit' ? r.unitIds : []);
    setKind(r?.type === 'kind_under' ? r.kind : 'commune');
    setUnder(r?.type === 'kind_under' ? { id: r.underUnitId, name: '…' } : owner);
    // Seed names of explicit members in one request.
    if (existing && r?.type === 'explicit' && r.unitIds.length > 0) {
      getGroupMembers(existing.id, at).then(
        (items) => items.forEach((u) => rememberUnitName(u.id, u.name)),
        () => undefined,
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  // Fill in the name of the "under" unit once known.
  useEffect(() => {
    if (underName) setUnder((u) => (u && u.name === '…' ? { ...u, name: underName } : u));
  }, [underName]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('common.requiredField', { field: groupText.name }));
    let rule: GroupRule;
    if (ruleType === 'explicit') {
      if (unitIds.length === 0) return setError(groupText.needUnits);
      rule = { type: 'explicit', unitIds };
    } else {
      if (!under) return setError(groupText.needUnder);
      rule = { type: 'kind_under', kind, underUnitId: under.id };
    }
    setBusy(true);
    setError(null);
    try {
      const desc = description.trim();
      const g = existing
        ? await updateGroup(existing.id, { name: name.trim(), description: desc || null, rule })
        : await createGroup({ ownerUnitId: owner.id, name: name.trim(), ...(desc ? { description: desc } : {}), rule });
      notify('success', groupText.saved({ name: g.name }));
      onSaved(g);
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={target !== null} onClose={onClose} size="lg" title={existing ? groupText.edit : groupText.create} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {error && (
            <Text c="red.8" size="sm" role="alert">
              {error}
            </Text>
          )}
          <TextInput label={groupText.name} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="group-name" data-autofocus />
          <Textarea label={groupText.description} autosize minRows={2} maxRows={5} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <div>
            <Text size="sm" fw={500} id="rule-type-label" mb={4}>
              {groupText.ruleType}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="rule-type-label"
              value={ruleType}
              onChange={(v) => setRuleType(v)}
              data={[
                { value: 'explicit', label: groupText.ruleExplicit },
                { value: 'kind_under', label: groupText.ruleKind },
              ]}
              data-testid="group-rule-type"
            />
          </div>
          {ruleType === 'explicit' ? (
            <Stack gap="xs">
              <Text size="sm">{groupText.pickedCount({ n: unitIds.length })}</Text>
              {unitIds.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={groupText.pickedUnits}>
                  {unitIds.map((id) => (
                    <PickedUnit key={id} id={id} onRemove={() => setUnitIds((ids) => ids.filter((x) => x !== id))} />
                  ))}
                </ul>
              )}
              <UnitSearchPicker
                label={groupText.addUnit}
                at={at}
                excludeIds={unitIds}
                testId="group-unit-search"
                onPick={(u) => {
                  rememberUnitName(u.id, u.name);
                  setUnitIds((ids) => (ids.includes(u.id) ? ids : [...ids, u.id]));
                }}
              />
            </Stack>
          ) : (
            <Stack gap="xs">
              <KindSelect label={groupText.ruleKindLabel} required value={kind} onChange={(k) => isUnitKind(k) && setKind(k)} testId="group-kind" />
              <UnitChooser key={under?.id ?? 'none'} label={groupText.ruleUnder} at={at} value={under} onChange={setUnder} testId="group-under" />
            </Stack>
          )}
          <MGroup justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="group-submit">
              {t('common.save')}
            </Button>
          </MGroup>
        </Stack>
      </form>
    </Modal>
  );
}
