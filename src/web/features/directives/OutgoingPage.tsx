// Văn bản đi: search and filter the unit's outgoing documents; compose a new one;
// open one (edit a draft, follow the workflow, track its delivery).
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DIRECTIVE_STATUSES, searchDirectives, type DirectiveStatus } from './directives-api.ts';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync, useDebounced } from '../../app/use-async.ts';
import { href, Link } from '../../router.tsx';
import { DirectiveDetail } from './DirectiveDetail.tsx';
import { DirectiveEditor } from './DirectiveEditor.tsx';
import { recentYears, StatusBadge, useDocTypes } from './shared.tsx';
import { directiveStrings } from './strings.ts';

export function OutgoingPage({ id }: { id: string | null }) {
  if (id === 'new') return <DirectiveEditor directive={null} />;
  if (id) return <DirectiveDetail key={id} id={id} />;
  return <OutgoingList />;
}

function OutgoingList() {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const { me } = useSession();
  const { types, nameOf } = useDocTypes();
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [year, setYear] = useState('');
  const [status, setStatus] = useState<DirectiveStatus | ''>('');
  const dq = useDebounced(q.trim(), 300);
  const res = useAsync(() => searchDirectives({ q: dq, type, year, status, limit: 100 }), [dq, type, year, status]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {S.title}
        </Title>
        {hasRole(me, 'drafter') && (
          <Button component="a" href={href('/outgoing/new')} data-testid="compose-new">
            + {S.compose}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm" component="form" role="search" aria-label={S.filters} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={S.search}
            placeholder={S.searchPlaceholder}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            data-testid="outgoing-search"
          />
          <NativeSelect
            label={S.type}
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            data={[{ value: '', label: S.allTypes }, ...types.map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))]}
            w={200}
            data-testid="outgoing-type"
          />
          <NativeSelect
            label={S.year}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={[{ value: '', label: S.allYears }, ...recentYears().map((y) => String(y))]}
            w={150}
            data-testid="outgoing-year"
          />
          <NativeSelect
            label={S.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as DirectiveStatus | '')}
            data={[{ value: '', label: S.allStatuses }, ...DIRECTIVE_STATUSES.map((s) => ({ value: s, label: S.statuses[s] }))]}
            w={210}
            data-testid="outgoing-status"
          />
          {(q || type || year || status) && (
            <Button
              variant="subtle"
              onClick={() => {
                setQ('');
                setType('');
                setYear('');
                setStatus('');
              }}
            >
              {S.reset}
            </Button>
          )}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.items.length === 0 && <Text size="sm">{S.empty}</Text>}
        {res.data && res.data.items.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="outgoing-total">
              {S.total({ n: res.data.total })}
            </Text>
            <div className="loa-table-wrap">
              <Table striped highlightOnHover verticalSpacing="xs" data-testid="outgoing-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.colNumber}</Table.Th>
                    <Table.Th>{S.colDate}</Table.Th>
                    <Table.Th>{S.type}</Table.Th>
                    <Table.Th>{S.colSubject}</Table.Th>
                    <Table.Th>{S.status}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {res.data.items.map((d) => (
                    <Table.Tr key={d.id} data-testid="directive-row" data-id={d.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={600}>
                          {d.number ? d.fullSymbol : d.symbol}
                        </Text>
                        {!d.number && (
                          <Text size="xs" c="dimmed">
                            {S.unnumbered}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDate(d.date, lang)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{nameOf(d.docType)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Link to={`/outgoing/${encodeURIComponent(d.id)}`} data-testid="directive-open">
                          {d.subject}
                        </Link>
                        <Text size="xs" c="dimmed">
                          {d.issuer}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={d.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
