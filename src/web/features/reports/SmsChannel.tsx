// The measured channel of the roll-up, "Tin nhắn SMS (hệ thống ghi nhận)": what Loa itself sent to
// the subscribers of each row's units in the period, shown beside the reported figures (its own
// card and columns, a different colour), never added into them.
import { Paper, Table, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { formatNumber } from './format.ts';
import type { Measured } from './reports-api.ts';
import { reportStrings } from './strings.ts';

/** True when the system recorded any SMS in the period (the channel is shown only then). */
export function hasSms(p: { measured: Measured; measuredOutside: Measured }): boolean {
  return [p.measured, p.measuredOutside].some((m) => m.smsSent > 0 || m.smsDelivered > 0);
}

const CHANNEL_STYLE = { textAlign: 'right', background: 'var(--mantine-color-blue-0)' } as const;

/** The period's total SMS as a card beside the indicators' totals, with what units of the area in no row sent. */
export function SmsTotalCard({ m, outside }: { m: Measured; outside: Measured }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const percent = m.smsSent > 0 ? Math.round((m.smsDelivered / m.smsSent) * 100) : null;
  return (
    <Paper withBorder p="xs" bg="blue.0" data-testid="rollup-sms-total">
      <Text size="xs" c="dimmed">
        {S.smsChannel}
      </Text>
      <Text size="xl" fw={700} data-testid="rollup-sms-sent">
        {S.smsSentText(formatNumber(m.smsSent, lang))}
      </Text>
      <Text size="xs" data-testid="rollup-sms-delivered">
        {S.smsDeliveredText(formatNumber(m.smsDelivered, lang), percent)}
      </Text>
      {m.telcoReported > 0 && (
        <Text size="xs" c="dimmed">
          {S.smsTelcoText(formatNumber(m.telcoReported, lang))}
        </Text>
      )}
      {outside.smsSent > 0 && (
        <Text size="xs" mt={4} data-testid="rollup-sms-outside">
          {S.smsOutsideText(formatNumber(outside.smsSent, lang), formatNumber(outside.telcoReported, lang))}
        </Text>
      )}
    </Paper>
  );
}

/** The two column headers of the channel. */
export function SmsHeadCells() {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  return (
    <>
      <Table.Th style={CHANNEL_STYLE} title={S.smsChannel}>
        {S.colSmsSent}
      </Table.Th>
      <Table.Th style={CHANNEL_STYLE} title={S.smsChannel}>
        {S.colSmsDelivered}
      </Table.Th>
    </>
  );
}

/** A row's (or, with head, the totals row's) sent and delivered cells. */
export function SmsCells({ m, head = false }: { m: Measured; head?: boolean }) {
  const { lang } = useI18n();
  const Cell = head ? Table.Th : Table.Td;
  return (
    <>
      <Cell style={CHANNEL_STYLE} data-testid="rollup-sms-cell">
        {formatNumber(m.smsSent, lang)}
      </Cell>
      <Cell style={CHANNEL_STYLE} data-testid="rollup-sms-cell">
        {formatNumber(m.smsDelivered, lang)}
      </Cell>
    </>
  );
}
