// Audit trail: filters, paged table ("load more" by cursor), before/after diff. Actions and objects
// read in the user's language (labels from src/shared/audit-labels.ts and the server's names).
import { Anchor, Button, Code, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { listAudit, type AuditEvent, type AuditFilter } from './audit-api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { DiffView } from './DiffView.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type Label } from '../../../shared/audit-labels.ts';
import type { Lang } from '../../i18n.ts';
import { auditStrings } from './strings.ts';

interface Filters {
  actor: string;
  entity: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', entity: '', action: '', from: '', to: '' };

/** Select options from a label table, sorted by their text in the UI language. */
function options(table: Record<string, Label>, lang: Lang, any: string) {
  const list = Object.entries(table)
    .map(([value, l]) => ({ value, label: l[lang] }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return [{ value: '', label: any }, ...list];
}

/** The object of an event: its kind and name, linked to its page when it has one. */
function EntityCell({ ev }: { ev: AuditEvent }) {
  const name = ev.entityLabel ?? (ev.entityId ? `#${ev.entityId.slice(0, 8)}` : null);
  return (
    <Text size="sm">
      {ev.entityKindLabel}
      {name && ': '}
      {name &&
        (ev.href ? (
          <Anchor href={ev.href} size="sm">
            {name}
          </Anchor>
        ) : (
          name
        ))}
    </Text>
  );
}

function toQuery(f: Filters): AuditFilter {
  const q: AuditFilter = { limit: 50 };
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.entity.trim()) q.entity = f.entity.trim();
  if (f.action.trim()) q.action = f.action.trim();
  // Calendar dates in the user's time zone, "to" inclusive (end of that day).
  if (f.from) q.from = new Date(`${f.from}T00:00:00`).toISOString();
  if (f.to) q.to = new Date(`${f.to}T23:59:59.999`).toISOString();
  return q;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const auditText = auditStrings(lang);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (f: Filters, before: string | null) => {
    const my = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await listAudit({ ...toQuery(f), ...(before ? { before } : {}) });
      if (my !== seq.current) return;
      setItems((prev) => (before ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (my === seq.current) setError(e);
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...draft });
  };
  const set = (k: keyof Filters) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => {
    const v = e.currentTarget.value;
    setDraft((d) => ({ ...d, [k]: v }));
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {auditText.title}
      </Title>
      <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label={auditText.filters}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <TextInput label={auditText.actor} placeholder={auditText.actorPlaceholder} value={draft.actor} onChange={set('actor')} data-testid="audit-actor" />
          <NativeSelect
            label={auditText.entity}
            data={options(AUDIT_ENTITIES, lang, auditText.entityPlaceholder)}
            value={draft.entity}
            onChange={set('entity')}
            data-testid="audit-entity"
          />
          <NativeSelect
            label={auditText.action}
            data={options(AUDIT_ACTIONS, lang, auditText.actionPlaceholder)}
            value={draft.action}
            onChange={set('action')}
            data-testid="audit-action"
          />
          <TextInput type="date" label={auditText.from} value={draft.from} onChange={set('from')} data-testid="audit-from" />
          <TextInput type="date" label={auditText.to} value={draft.to} onChange={set('to')} data-testid="audit-to" />
        </SimpleGrid>
        <Group gap="sm" mt="sm">
          <Button type="submit" data-testid="audit-apply">
            {auditText.apply}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
            }}
          >
            {auditText.reset}
          </Button>
        </Group>
      </Paper>

      <Paper withBorder p="sm">
        {error != null && <LoadError error={error} onRetry={() => void load(applied, items.length ? cursor : null)} />}
        {!loading && !error && items.length === 0 && <Text size="sm">{auditText.empty}</Text>}
        {items.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{auditText.time}</Table.Th>
                  <Table.Th>{auditText.actor}</Table.Th>
                  <Table.Th>{auditText.action}</Table.Th>
                  <Table.Th>{auditText.entity}</Table.Th>
                  <Table.Th>{auditText.ip}</Table.Th>
                  <Table.Th>{auditText.details}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((ev) => (
                  <Table.Tr key={ev.id} data-testid="audit-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(ev.at, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ev.actorLabel}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={ev.action}>
                        {ev.actionLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <EntityCell ev={ev} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ev.ip ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setOpen(ev)}>
                        {auditText.view}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {loading && <Loading />}
        {!loading && cursor && (
          <Button variant="default" mt="sm" onClick={() => void load(applied, cursor)} data-testid="audit-more">
            {auditText.loadMore}
          </Button>
        )}
      </Paper>

      <Modal opened={open !== null} onClose={() => setOpen(null)} size="xl" title={auditText.eventTitle} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4}>
              <Text size="sm">
                {auditText.time}: <b>{formatDateTime(open.at, lang)}</b>
              </Text>
              <Text size="sm">
                {auditText.actor}: <b>{open.actorLabel}</b>
              </Text>
              <Text size="sm">
                {auditText.action}: <b>{open.actionLabel}</b> <Code>{open.action}</Code>
              </Text>
              <div>
                <EntityCell ev={open} />
              </div>
              <Text size="sm">
                {auditText.ip}: {open.ip ?? '—'}
              </Text>
            </SimpleGrid>
            <DiffView before={open.before} after={open.after} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
