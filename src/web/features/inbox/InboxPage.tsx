// Văn bản đến: the documents a unit received (unread in bold); open one (the
// server records the reading) and acknowledge receipt ("Xác nhận đã nhận").
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { acknowledgeInboxItem, openInboxItem, listInbox, type InboxFilter, type InboxItem } from '../directives/directives-api.ts';
import { useAtDate } from '../../app/at-date.ts';
import { formatDate, formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { LoadError, Loading, UnitChooser } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useUnitParam } from '../../app/use-unit-param.ts';
import { Link } from '../../router.tsx';
import { AttachmentList } from '../directives/Attachments.tsx';
import { DirectivePreview } from '../directives/DirectivePreview.tsx';
import { viewFromDirective } from '../directives/doc-view.ts';
import { recentYears, useDocTypes } from '../directives/shared.tsx';
import { directiveStrings } from '../directives/strings.ts';
import { inboxStrings } from './strings.ts';

export function InboxPage({ itemId }: { itemId: string | null }) {
  return itemId ? <InboxItemView key={itemId} itemId={itemId} /> : <InboxList />;
}

function StateBadge({ item }: { item: InboxItem }) {
  const { lang } = useI18n();
  const IS = inboxStrings(lang);
  if (item.revokedAt)
    return (
      <Badge color="red" variant="light" tt="none" radius="sm">
        {IS.revoked}
      </Badge>
    );
  if (item.acknowledgedAt)
    return (
      <Badge color="green" variant="light" tt="none" radius="sm">
        {IS.acknowledged}
      </Badge>
    );
  if (item.readAt)
    return (
      <Badge color="blue" variant="light" tt="none" radius="sm">
        {IS.read}
      </Badge>
    );
  return (
    <Badge color="orange" variant="light" tt="none" radius="sm">
      {IS.unread}
    </Badge>
  );
}

function InboxList() {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const IS = inboxStrings(lang);
  const [at] = useAtDate();
  const [unit, setUnit] = useUnitParam('/inbox');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [year, setYear] = useState('');
  const res = useAsync(() => listInbox({ unitId: unit.id, filter, year }), [unit.id, filter, year]);

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {IS.title}
      </Title>
      <Paper withBorder p="sm">
        <Group align="flex-end" justify="space-between" gap="sm" wrap="wrap">
          <UnitChooser key={unit.id} label={IS.unit} at={at} value={unit} onChange={setUnit} testId="inbox-unit" />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label={IS.filter}
              value={filter}
              onChange={(v) => setFilter(v)}
              data={[
                { value: 'all', label: IS.filterAll },
                { value: 'unread', label: IS.filterUnread },
                { value: 'unacknowledged', label: IS.filterUnack },
              ]}
              data-testid="inbox-filter"
            />
            <NativeSelect
              label={S.year}
              value={year}
              onChange={(e) => setYear(e.currentTarget.value)}
              data={[{ value: '', label: S.allYears }, ...recentYears().map((y) => String(y))]}
              w={150}
              data-testid="inbox-year"
            />
          </Group>
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.items.length === 0 && <Text size="sm">{IS.empty}</Text>}
        {res.data && res.data.items.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {IS.total({ n: res.data.total })}
            </Text>
            <div className="loa-table-wrap">
              <Table striped highlightOnHover verticalSpacing="xs" data-testid="inbox-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{IS.arrival}</Table.Th>
                    <Table.Th>{IS.received}</Table.Th>
                    <Table.Th>{S.colNumber}</Table.Th>
                    <Table.Th>{S.colSubject}</Table.Th>
                    <Table.Th>{IS.state}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {res.data.items.map((i) => {
                    const unread = !i.readAt;
                    const fw = unread ? 700 : undefined;
                    return (
                      <Table.Tr key={i.itemId} data-testid="inbox-row" data-unread={unread ? 'true' : 'false'} data-directive-id={i.directive.id}>
                        <Table.Td>
                          <Text size="sm" fw={fw}>
                            {i.arrivalNumber}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm" fw={fw}>
                            {formatDate(i.deliveredAt, lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm" fw={fw}>
                            {i.directive.fullSymbol}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {formatDate(i.directive.date, lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Link to={`/inbox/${encodeURIComponent(i.itemId)}`} style={{ fontWeight: fw }} data-testid="inbox-open">
                            {i.directive.subject}
                          </Link>
                          <Text size="xs" c="dimmed">
                            {i.directive.issuer}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StateBadge item={i} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function InboxItemView({ itemId }: { itemId: string }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const IS = inboxStrings(lang);
  const { me } = useSession();
  const { notify, notifyError } = useNotify();
  const { nameOf } = useDocTypes();
  const res = useAsync(() => openInboxItem(itemId), [itemId]);
  const [busy, setBusy] = useState(false);

  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  const { item, directive: d } = res.data;
  const canAck = hasRole(me, 'approver', 'clerk');

  async function acknowledge() {
    setBusy(true);
    try {
      const updated = await acknowledgeInboxItem(itemId);
      res.setData((x) => (x ? { ...x, item: updated } : x));
      notify('success', IS.ackDone);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Link to="/inbox">{IS.back}</Link>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h3" data-testid="inbox-item-title">
          {d.number ? S.numbered({ type: nameOf(d.docType), symbol: d.fullSymbol }) : nameOf(d.docType)}
        </Title>
        <StateBadge item={item} />
        {/* The issued document as the issuer printed it (Decree 30), for the recipient to keep or print. */}
        <Anchor href={`/api/directives/${d.id}/pdf`} data-testid="inbox-download-pdf">
          {S.downloadPdf}
        </Anchor>
        <Anchor href={`/api/directives/${d.id}/docx`} data-testid="inbox-download-docx">
          {S.downloadDocx}
        </Anchor>
      </Group>
      <Text>{d.subject}</Text>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Text size="sm">
            {d.issuer} · {IS.arrivalInfo({ n: item.arrivalNumber, time: formatDateTime(item.deliveredAt, lang) })}
          </Text>
          {item.revokedAt ? (
            <Alert color="red">{IS.revokedNote}</Alert>
          ) : item.acknowledgedAt ? (
            <Text size="sm" c="green.9" fw={600} data-testid="inbox-ack-state">
              ✓ {IS.acknowledgedAt({ time: formatDateTime(item.acknowledgedAt, lang) })}
            </Text>
          ) : canAck ? (
            <Button onClick={() => void acknowledge()} loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="inbox-ack">
              {IS.acknowledge}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {IS.cannotAck}
            </Text>
          )}
        </Stack>
      </Paper>
      <AttachmentList files={d.files} />
      <section className="loa-preview-page" aria-label={S.preview}>
        <DirectivePreview view={viewFromDirective(d, nameOf(d.docType))} />
      </section>
    </Stack>
  );
}
