import type { ChatLoadResult } from '../load/chat-load';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 80, right: 150, top: 50, bottom: 70 };
const SERIES = [
  { key: 'p50', color: '#1b7f3b' },
  { key: 'p95', color: '#d08a00' },
  { key: 'p99', color: '#c0392b' },
] as const;

/**
 * Latency (send -> bot answer, ms) against concurrent customers as a standalone SVG; both axes
 * are logarithmic so 100 and 5,000 customers fit one picture. No plotting library: it is a few lines.
 */
export function latencyPlotSvg(
  levels: readonly ChatLoadResult[],
  caption: string,
  reference?: { label: string; ms: number },
): string {
  const points = levels.filter((level) => level.latency.count > 0).sort((a, b) => a.customers - b.customers);
  const xs = points.map((p) => p.customers);
  const ys = points
    .flatMap((p) => [p.latency.p50, p.latency.p95, p.latency.p99])
    .map((y) => Math.max(y, 0.1));
  const xRange = logRange(xs.length ? xs : [1, 10]);
  const yRange = logRange(ys.length ? ys : [1, 10]);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((Math.log10(v) - xRange[0]) / (xRange[1] - xRange[0])) * plotW;
  const y = (v: number) =>
    MARGIN.top + plotH - ((Math.log10(Math.max(v, 0.1)) - yRange[0]) / (yRange[1] - yRange[0])) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">Bot path: send -&gt; answer latency vs concurrent customers</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  ];
  for (const tick of decades(yRange)) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${label(tick)}</text>`,
    );
  }
  for (const value of xs) {
    parts.push(
      `<line x1="${x(value)}" x2="${x(value)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`,
      `<text x="${x(value)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${value.toLocaleString('en-US')}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 30}" text-anchor="middle">concurrent customers (log scale)</text>`,
    `<text x="20" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 20 ${MARGIN.top + plotH / 2})">latency (log scale)</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="10" fill="#555">${escapeXml(caption)}</text>`,
  );
  if (reference) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(reference.ms)}" y2="${y(reference.ms)}" stroke="#555" stroke-dasharray="6 4"/>`,
      `<text x="${MARGIN.left + 6}" y="${y(reference.ms) - 6}" fill="#555">${escapeXml(reference.label)}</text>`,
    );
  }
  SERIES.forEach((series, i) => {
    const coords = points.map((p) => `${x(p.customers).toFixed(1)},${y(p.latency[series.key]).toFixed(1)}`);
    if (coords.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${coords.join(' ')}"/>`,
      );
    }
    for (const p of points) {
      parts.push(
        `<circle cx="${x(p.customers).toFixed(1)}" cy="${y(p.latency[series.key]).toFixed(1)}" r="3.5" fill="${series.color}"><title>${p.customers} customers: ${series.key} ${p.latency[series.key]} ms</title></circle>`,
      );
    }
    const ly = MARGIN.top + 16 + i * 20;
    const lx = MARGIN.left + plotW + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${series.color}" stroke-width="2"/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${series.key}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function logRange(values: number[]): [number, number] {
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  return [low, high === low ? low + 1 : high];
}

function decades(range: [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = range[0]; e <= range[1]; e += 1) ticks.push(10 ** e);
  return ticks;
}

function label(value: number): string {
  return value >= 1000 ? `${value / 1000} s` : `${value} ms`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
