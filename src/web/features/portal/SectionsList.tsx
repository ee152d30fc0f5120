// Portal sections with their owner and delegate unit; the owner's unit admin
// hands a section to another unit (or takes it back).
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useAtDate } from '../../app/at-date.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading, UnitSearchPicker } from '../../app/ui.tsx';
import { rememberUnitName, useUnitName } from '../../app/unit-names.ts';
import { useAsync, useLastNonNull } from '../../app/use-async.ts';
import { href } from '../../router.tsx';
import { sectionAccess } from './access.ts';
import { listSections, updateSection, type Section } from './portal-api.ts';
import { portalStrings } from './strings.ts';

function UnitName({ id }: { id: string | null }) {
  const name = useUnitName(id);
  if (!id) return null;
  return <>{name ?? '…'}</>;
}

function SectionRow({ section, onDelegate }: { section: Section; onDelegate: (s: Section) => void }) {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const access = sectionAccess(section);
  return (
    <Table.Tr data-testid="portal-section-row" data-section={section.slug}>
      <Table.Td>
        <Stack gap={2}>
          <a href={href(`/portal/s/${encodeURIComponent(section.id)}`)} data-testid="portal-section-open">
            <Text span fw={600}>
              {section.name}
            </Text>
          </a>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              /{section.slug}
            </Text>
            {section.situationFields && (
              <Badge size="xs" variant="light" color="teal" tt="none">
                {s.situationBadge}
              </Badge>
            )}
            {!access.loading && access.write && (
              <Badge size="xs" variant="light" color="blue" tt="none" data-testid="portal-section-mine">
                {s.youEdit}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <UnitName id={section.ownerUnitId} />
      </Table.Td>
      <Table.Td data-testid="portal-section-delegate">
        {section.delegateUnitId ? (
          <UnitName id={section.delegateUnitId} />
        ) : (
          <Text span size="sm" c="dimmed">
            {s.noDelegate}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          <Button size="compact-sm" variant="light" component="a" href={href(`/portal/s/${encodeURIComponent(section.id)}`)}>
            {s.open}
          </Button>
          {access.manage && (
            <Button size="compact-sm" variant="default" onClick={() => onDelegate(section)} data-testid="portal-section-delegate-open">
              {s.delegate}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function DelegateModal({ section: target, onClose, onSaved }: { section: Section | null; onClose: () => void; onSaved: (s: Section) => void }) {
  // Keep the content while the modal fades out.
  const section = useLastNonNull(target);
  const { lang, t } = useI18n();
  const s = portalStrings(lang);
  const { notify, notifyError } = useNotify();
  const [at] = useAtDate();
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useUnitName(section?.delegateUnitId ?? null);

  async function save(delegateUnitId: string | null, unitName: string | null) {
    if (!section) return;
    setBusy(true);
    try {
      const updated = await updateSection(section.id, { delegateUnitId });
      notify('success', delegateUnitId && unitName ? s.delegated(section.name, unitName) : s.undelegated(section.name));
      setPicked(null);
      onSaved(updated);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={() => {
        setPicked(null);
        onClose();
      }}
      title={section ? s.delegateTitle(section.name) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{s.delegateHint}</Text>
        {section?.delegateUnitId && (
          <Text size="sm">
            {s.colDelegate}: <b>{current ?? '…'}</b>
          </Text>
        )}
        {picked ? (
          <Group gap="sm">
            <Text fw={600} data-testid="portal-delegate-picked">
              {picked.name}
            </Text>
            <Button size="compact-sm" variant="subtle" onClick={() => setPicked(null)}>
              {t('common.change')}
            </Button>
          </Group>
        ) : (
          <UnitSearchPicker
            label={s.delegateUnit}
            at={at}
            excludeIds={section ? [section.ownerUnitId] : []}
            testId="portal-delegate-search"
            onPick={(u) => {
              rememberUnitName(u.id, u.name);
              setPicked({ id: u.id, name: u.name });
            }}
          />
        )}
        <Group justify="space-between" mt="sm">
          {section?.delegateUnitId ? (
            <Button variant="subtle" color="red" loading={busy} onClick={() => void save(null, null)} data-testid="portal-delegate-remove">
              {s.delegateRemove}
            </Button>
          ) : (
            <span />
          )}
          <Button disabled={!picked} loading={busy} onClick={() => picked && void save(picked.id, picked.name)} data-testid="portal-delegate-save">
            {s.delegateSave}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SectionsList() {
  const { lang } = useI18n();
  const s = portalStrings(lang);
  const res = useAsync(() => listSections(), []);
  const [delegating, setDelegating] = useState<Section | null>(null);

  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  const items = [...(res.data ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'vi'));
  return (
    <>
      {items.length === 0 ? (
        <Paper withBorder p="sm">
          <Text size="sm">{s.sectionsEmpty}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="portal-sections">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s.colSection}</Table.Th>
                  <Table.Th>{s.colOwner}</Table.Th>
                  <Table.Th>{s.colDelegate}</Table.Th>
                  <Table.Th>{s.colActions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <SectionRow key={x.id} section={x} onDelegate={setDelegating} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <DelegateModal
        section={delegating}
        onClose={() => setDelegating(null)}
        onSaved={(u) => {
          res.setData((list) => list?.map((x) => (x.id === u.id ? u : x)));
          setDelegating(null);
        }}
      />
    </>
  );
}
