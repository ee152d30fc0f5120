// Inline-SVG charts of the roll-up (no chart library): horizontal bars per unit, a line over
// periods, and the coverage bar. Each chart has a text alternative (role="img" + aria-label).
import { Group, Text } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { coveragePercent, formatNumber, niceMax } from './format.ts';
import type { Coverage } from './reports-api.ts';
import { reportStrings } from './strings.ts';

const BLUE = 'var(--mantine-color-blue-7)';
const GRID = 'var(--mantine-color-gray-3)';
const TEXT = 'var(--mantine-color-gray-8)';

export interface BarDatum {
  id: string;
  label: string;
  value: number | null;
}

/** Horizontal bars, one per unit (long Vietnamese names stay readable on the left). */
export function BarChart({ data, title, testId }: { data: BarDatum[]; title: string; testId?: string }) {
  const { lang } = useI18n();
  const W = 720;
  const labelW = 200;
  const valueW = 70;
  const rowH = 26;
  const top = 8;
  const plotW = W - labelW - valueW;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value ?? 0)));
  const H = top + data.length * rowH + 22;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const summary = data.map((d) => `${d.label}: ${d.value === null ? '—' : formatNumber(d.value, lang)}`).join('; ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${summary}`} data-testid={testId} style={{ maxWidth: W, display: 'block' }}>
      <title>{title}</title>
      {ticks.map((v) => {
        const x = labelW + (v / max) * plotW;
        return (
          <g key={v}>
            <line x1={x} x2={x} y1={top} y2={H - 20} stroke={GRID} />
            <text x={x} y={H - 6} fontSize={11} textAnchor="middle" fill={TEXT}>
              {formatNumber(v, lang)}
            </text>
          </g>
        );
      })}
      {data.map((d, i) => {
        const y = top + i * rowH;
        const w = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / max) * plotW);
        return (
          <g key={d.id} data-testid={testId ? `${testId}-bar` : undefined}>
            <text x={labelW - 8} y={y + rowH / 2 + 4} fontSize={12} textAnchor="end" fill={TEXT}>
              {d.label.length > 30 ? `${d.label.slice(0, 29)}…` : d.label}
            </text>
            <rect x={labelW} y={y + 4} width={w} height={rowH - 8} rx={2} fill={BLUE}>
              <title>{`${d.label}: ${d.value === null ? '—' : formatNumber(d.value, lang)}`}</title>
            </rect>
            <text x={labelW + w + 6} y={y + rowH / 2 + 4} fontSize={12} fill={TEXT}>
              {d.value === null ? '—' : formatNumber(d.value, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface LinePoint {
  key: string;
  label: string;
  value: number | null;
}

/** One line over the periods; gaps (no report) break the line. */
export function LineChart({ data, title, testId }: { data: LinePoint[]; title: string; testId?: string }) {
  const { lang } = useI18n();
  const W = 720;
  const H = 220;
  const left = 56;
  const right = 24;
  const top = 16;
  const bottom = 32;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value ?? 0)));
  const x = (i: number) => left + (data.length <= 1 ? plotW / 2 : (i / (data.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  // Segments of consecutive points with a value.
  const segments: string[] = [];
  let current: string[] = [];
  data.forEach((d, i) => {
    if (d.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(d.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const every = Math.max(1, Math.ceil(data.length / 12));
  const summary = data.map((d) => `${d.label}: ${d.value === null ? '—' : formatNumber(d.value, lang)}`).join('; ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${summary}`} data-testid={testId} style={{ maxWidth: W, display: 'block' }}>
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={W - right} y1={y(f * max)} y2={y(f * max)} stroke={GRID} />
          <text x={left - 6} y={y(f * max) + 4} fontSize={11} textAnchor="end" fill={TEXT}>
            {formatNumber(f * max, lang)}
          </text>
        </g>
      ))}
      {segments.map((pts) => (
        <polyline key={pts} points={pts} fill="none" stroke={BLUE} strokeWidth={2} />
      ))}
      {data.map((d, i) => (
        <g key={d.key}>
          {i % every === 0 || i === data.length - 1 ? (
            <text x={x(i)} y={H - 10} fontSize={11} textAnchor="middle" fill={TEXT}>
              {d.label}
            </text>
          ) : null}
          {d.value !== null && (
            <circle cx={x(i)} cy={y(d.value)} r={4} fill={BLUE}>
              <title>{`${d.label}: ${formatNumber(d.value, lang)}`}</title>
            </circle>
          )}
          {d.value !== null && data.length <= 12 && (
            <text x={x(i)} y={y(d.value) - 8} fontSize={11} textAnchor="middle" fill={TEXT}>
              {formatNumber(d.value, lang)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** Reported / expected units, on-time (green) and late (orange) parts. */
export function CoverageBar({ coverage }: { coverage: Coverage }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const pct = coveragePercent(coverage.reported, coverage.expected);
  const latePct = coveragePercent(coverage.late, coverage.expected);
  const onTime = Math.max(0, pct - latePct);
  return (
    <div data-testid="rollup-coverage">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600} data-testid="rollup-coverage-text">
          {S.coverageText(coverage.reported, coverage.expected)}
        </Text>
        <Text size="sm" c="dimmed">
          {formatNumber(pct, lang)} %{coverage.late > 0 ? ` · ${S.lateText(coverage.late)}` : ''}
        </Text>
      </Group>
      <svg
        viewBox="0 0 1000 16"
        preserveAspectRatio="none"
        width="100%"
        height={16}
        role="progressbar"
        aria-label={S.coverage}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={S.coverageText(coverage.reported, coverage.expected)}
        style={{ display: 'block', borderRadius: 4 }}
      >
        <rect x={0} y={0} width={1000} height={16} fill="var(--mantine-color-gray-2)" />
        <rect x={0} y={0} width={onTime * 10} height={16} fill="var(--mantine-color-green-7)" />
        <rect x={onTime * 10} y={0} width={latePct * 10} height={16} fill="var(--mantine-color-orange-6)" />
      </svg>
    </div>
  );
}
