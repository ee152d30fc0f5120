// The week of a commune's programmes: seven columns (Thứ Hai … Chủ nhật), each slot a block placed by its
// local start time and length, between the earliest start and the latest end of the week.
import { Text, Tooltip } from '@mantine/core';
import { WEEKDAYS, minutesOfDay } from '../../../shared/contracts/programmes.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import type { Programme } from './programmes-api.ts';
import { programmeStrings } from './strings.ts';

const PX_PER_HOUR = 48;

export function WeekCalendar({ programmes, showUnit }: { programmes: Programme[]; showUnit: boolean }) {
  const { lang } = useI18n();
  const S = programmeStrings(lang);
  const starts = programmes.map((p) => minutesOfDay(p.startTime));
  // An hour of margin around the week's slots (at least 06:00–20:00 when there are none).
  const from = programmes.length ? Math.max(0, Math.floor(Math.min(...starts) / 60) * 60 - 60) : 6 * 60;
  const to = programmes.length ? Math.min(1440, Math.ceil(Math.max(...programmes.map((p, i) => starts[i]! + p.slotMinutes)) / 60) * 60 + 60) : 20 * 60;
  const height = ((to - from) / 60) * PX_PER_HOUR;
  const hours = Array.from({ length: (to - from) / 60 + 1 }, (_, i) => from / 60 + i);
  return (
    <div
      role="table"
      aria-label={S.week}
      data-testid="programme-week"
      style={{ display: 'grid', gridTemplateColumns: '3rem repeat(7, minmax(6rem, 1fr))', gap: 4, overflowX: 'auto' }}
    >
      <div role="row" style={{ display: 'contents' }}>
        <div role="columnheader" />
        {WEEKDAYS.map((d) => (
          <div role="columnheader" key={d} style={{ textAlign: 'center', fontWeight: 600, fontSize: 14 }}>
            {S.weekdays[d]}
          </div>
        ))}
      </div>
      <div role="row" style={{ display: 'contents' }}>
        <div role="rowheader" style={{ position: 'relative', height }}>
          {hours.map((h) => (
            <Text key={h} size="xs" c="dimmed" style={{ position: 'absolute', top: Math.min(Math.max(0, ((h * 60 - from) / 60) * PX_PER_HOUR - 8), height - 16) }}>
              {String(h).padStart(2, '0')}:00
            </Text>
          ))}
        </div>
        {WEEKDAYS.map((d) => (
          <div role="cell" key={d} data-testid={`programme-day-${d}`} style={{ position: 'relative', height, background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}>
            {programmes
              .filter((p) => p.days.includes(d))
              .map((p) => {
                const top = ((minutesOfDay(p.startTime) - from) / 60) * PX_PER_HOUR;
                const label = `${p.startTime}–${p.endTime} ${p.name}${showUnit ? ` (${p.unitName})` : ''}`;
                return (
                  <Tooltip key={p.id} label={label}>
                    <div
                      data-testid="programme-slot"
                      style={{
                        position: 'absolute',
                        top,
                        left: 2,
                        right: 2,
                        minHeight: 18,
                        height: (p.slotMinutes / 60) * PX_PER_HOUR,
                        overflow: 'hidden',
                        background: 'var(--mantine-color-blue-1)',
                        borderLeft: '3px solid var(--mantine-color-blue-8)',
                        borderRadius: 3,
                        padding: '0 4px',
                        fontSize: 12,
                        color: 'var(--mantine-color-blue-9)',
                      }}
                    >
                      {label}
                    </div>
                  </Tooltip>
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
