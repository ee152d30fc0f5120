// Recipient groups owned by a unit: list, create/edit/delete, expanded members.
import { Button, Group as MGroup, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { deleteGroup, getGroupMembers, listGroups, type Group } from './groups-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { kindLabel, LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useUnitName } from '../../app/unit-names.ts';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { href } from '../../router.tsx';
import { GroupFormModal } from './GroupFormModal.tsx';
import { groupStrings } from './strings.ts';
import { unitStrings } from '../../features/units/strings.ts';

export function RuleSummary({ group }: { group: Group }) {
  const { lang } = useI18n();
  const groupText = groupStrings(lang);
  const rule = group.rule;
  const underName = useUnitName(rule.type === 'kind_under' ? rule.underUnitId : null);
  if (rule.type === 'explicit') return <>{groupText.ruleExplicitSummary({ n: rule.unitIds.length })}</>;
  return <>{groupText.ruleKindSummary({ kind: kindLabel(lang, rule.kind), unit: underName ?? '…' })}</>;
}

function Members({ group, at }: { group: Group; at: string }) {
  const { lang } = useI18n();
  const groupText = groupStrings(lang);
  const res = useAsync(() => getGroupMembers(group.id, at), [group.id, at]);
  if (res.loading) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  const items = res.data ?? [];
  return (
    <Stack gap="xs" data-testid="group-members">
      <Text size="sm">{groupText.membersCount({ n: items.length, date: formatDate(at, lang) })}</Text>
      {items.length > 0 && (
        <ol style={{ margin: 0, paddingLeft: 22 }}>
          {items.map((u) => (
            <li key={u.id}>
              <a href={href(`/units/${encodeURIComponent(u.id)}`)}>{u.name}</a>{' '}
              <Text span size="xs" c="dimmed">
                · {kindLabel(lang, u.kind)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}

export function GroupsPage() {
  const { t, lang } = useI18n();
  const groupText = groupStrings(lang);
  const unitText = unitStrings(lang);
  const { notify, notifyError } = useNotify();
  const [at, setAt] = useAtDate();
  const [owner, setOwner] = useUnitParam('/groups');
  const res = useAsync(() => listGroups(owner.id), [owner.id]);
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [showMembers, setShowMembers] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function doDelete(g: Group) {
    setDeleting(true);
    try {
      await deleteGroup(g.id);
      res.setData((list) => list?.filter((x) => x.id !== g.id));
      notify('success', groupText.deleted({ name: g.name }));
      setConfirmDelete(null);
    } catch (err) {
      notifyError(err);
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Stack gap="md">
      <MGroup justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {groupText.title}
        </Title>
        <Button onClick={() => setEditing('new')} data-testid="group-create">
          + {groupText.create}
        </Button>
      </MGroup>
      <Paper withBorder p="sm">
        <MGroup align="flex-start" justify="space-between" wrap="wrap" gap="sm">
          <UnitChooser key={owner.id} label={groupText.owner} at={at} value={owner} onChange={setOwner} testId="groups-owner" />
          <TextInput
            type="date"
            label={unitText.atDate}
            description={groupText.atDateHint}
            value={at}
            onChange={(e) => e.currentTarget.value && setAt(e.currentTarget.value)}
            w={190}
            data-testid="groups-at-date"
          />
        </MGroup>
      </Paper>
      {res.loading && !res.data && <Loading />}
      {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && (
        <Paper withBorder p="sm">
          <Text size="sm">{groupText.empty}</Text>
        </Paper>
      )}
      {res.data?.map((g) => (
        <Paper key={g.id} withBorder p="sm" component="article" aria-labelledby={`group-${g.id}`} data-testid="group-card">
          <Stack gap={6}>
            <MGroup justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <div>
                <Title order={2} size="h5" id={`group-${g.id}`}>
                  {g.name}
                </Title>
                {g.description && <Text size="sm">{g.description}</Text>}
                <Text size="sm" c="dimmed">
                  <RuleSummary group={g} />
                </Text>
              </div>
              <MGroup gap={6}>
                <Button size="compact-sm" variant="light" aria-expanded={showMembers === g.id} onClick={() => setShowMembers((s) => (s === g.id ? null : g.id))}>
                  {showMembers === g.id ? groupText.hideMembers : groupText.showMembers}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => setEditing(g)}>
                  {t('common.edit')}
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirmDelete(g)}>
                  {t('common.delete')}
                </Button>
              </MGroup>
            </MGroup>
            {showMembers === g.id && <Members group={g} at={at} />}
          </Stack>
        </Paper>
      ))}

      <GroupFormModal
        target={editing}
        owner={owner}
        at={at}
        onClose={() => setEditing(null)}
        onSaved={(g) => {
          res.setData((list) => {
            const items = list ?? [];
            return items.some((x) => x.id === g.id) ? items.map((x) => (x.id === g.id ? g : x)) : [...items, g];
          });
          setEditing(null);
        }}
      />

      <Modal opened={confirmDelete !== null} onClose={() => setConfirmDelete(null)} title={groupText.deleteTitle} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text size="sm">{groupText.deleteConfirm({ name: confirmDelete?.name ?? '' })}</Text>
          <MGroup justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmDelete(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={deleting} onClick={() => confirmDelete && void doDelete(confirmDelete)} data-testid="group-delete-confirm">
              {t('common.delete')}
            </Button>
          </MGroup>
        </Stack>
      </Modal>
    </Stack>
  );
}
