import { esc, formatNumber, shortVnDate } from './html.ts';

export interface ChartSeries {
  key: string;
  label: string;
}
export interface ChartPoint {
  date: string;
  figures: Record<string, number>;
}

/** Colours with at least 3:1 contrast on white, each with its own dash so colour is not the only cue. */
const STYLES = [
  { color: '#b3261e', dash: '' },
  { color: '#0b4f9c', dash: '6 3' },
  { color: '#1b6e20', dash: '2 3' },
  { color: '#4a4a4a', dash: '10 4 2 4' },
  { color: '#8a4b00', dash: '4 4' },
  { color: '#6a1b9a', dash: '1 2' },
];

/**
 * An inline SVG line chart of the figures over time (oldest left), readable without JavaScript. It is
 * an image with a text alternative; the same figures are in the table next to it.
 */
export function lineChart(points: readonly ChartPoint[], series: readonly ChartSeries[], opts: { id: string; title: string }): string {
  const data = [...points].sort((a, b) => a.date.localeCompare(b.date));
  if (data.length === 0) return '';
  const W = 640;
  const H = 280;
  const pad = { l: 56, r: 12, t: 16, b: 40 };
  const max = Math.max(1, ...data.flatMap((p) => series.map((s) => p.figures[s.key] ?? 0)));
  const step = niceStep(max / 4);
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => pad.l + (data.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (data.length - 1));
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / top);
  const grid: string[] = [];
  for (let v = 0; v <= top; v += step) {
    grid.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    grid.push(`<text x="${pad.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#333">${esc(formatNumber(v))}</text>`);
  }
  const every = Math.max(1, Math.ceil(data.length / 7));
  const labels = data
    .map((p, i) =>
      i % every === 0 || i === data.length - 1
        ? `<text x="${x(i).toFixed(1)}" y="${H - pad.b + 18}" text-anchor="middle" font-size="12" fill="#333">${esc(shortVnDate(p.date).slice(0, 5))}</text>`
        : '',
    )
    .join('');
  const lines = series
    .map((s, k) => {
      const st = STYLES[k % STYLES.length] ?? STYLES[0];
      const pts = data.map((p, i) => `${x(i).toFixed(1)},${y(p.figures[s.key] ?? 0).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${st?.color}" stroke-width="2.5"${st?.dash ? ` stroke-dasharray="${st.dash}"` : ''} points="${pts}"><title>${esc(s.label)}</title></polyline>`;
    })
    .join('');
  const last = data.at(-1);
  const desc = last
    ? `Từ ${shortVnDate(data[0]?.date ?? last.date)} đến ${shortVnDate(last.date)}. Số liệu ngày ${shortVnDate(last.date)}: ${series
        .map((s) => `${s.label} ${formatNumber(last.figures[s.key] ?? 0)}`)
        .join(', ')}.`
    : '';
  const legend = series
    .map((s, k) => {
      const st = STYLES[k % STYLES.length] ?? STYLES[0];
      return `<li><svg width="28" height="10" aria-hidden="true" focusable="false"><line x1="0" x2="28" y1="5" y2="5" stroke="${st?.color}" stroke-width="3"${st?.dash ? ` stroke-dasharray="${st.dash}"` : ''}/></svg> ${esc(s.label)}</li>`;
    })
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${opts.id}-t ${opts.id}-d" focusable="false" xmlns="http://www.w3.org/2000/svg">
<title id="${opts.id}-t">${esc(opts.title)}</title><desc id="${opts.id}-d">${esc(desc)}</desc>
${grid.join('')}<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#333"/>${labels}${lines}</svg>
<figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
