import uPlot from 'uplot';
import type { DeskReport } from '../../../src/reports/desk-report';
import { el } from '../../web/widget/dom';

const DAY_S = 24 * 3600;

/**
 * The report's days as a uPlot chart: handoffs as bars, conversations and the ones the bot settled
 * as lines. The canvas is an image for screen readers, summed up in its label; the per-day table
 * next to it carries every figure.
 */
export function renderReportChart(
  report: DeskReport,
  width: number,
): { element: HTMLElement; destroy(): void } {
  const element = el('div', 'report-chart');
  const plot = el('div', 'plot');
  plot.setAttribute('role', 'img');
  const total = report.totals;
  plot.setAttribute(
    'aria-label',
    `Chart of ${report.byDay.length} days: ${total.conversations} conversations, ${total.botSettled} settled by the bot, ${total.handoffs} handoffs.`,
  );
  const days = report.byDay.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
  const data: uPlot.AlignedData = [
    days,
    report.byDay.map((d) => d.handoffs),
    report.byDay.map((d) => d.conversations),
    report.byDay.map((d) => d.botSettled),
  ];
  const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
  const chart = new uPlot(
    {
      width: Math.max(280, width),
      height: 220,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { show: false },
      scales: {
        // Half a day either side, so the first and last bars are whole.
        x: { time: true, range: (_u, min, max) => [min - DAY_S / 2, max + DAY_S / 2] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        {
          stroke: '#5c6370',
          incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S],
          values: (_u, splits) => splits.map((at) => new Date(at * 1000).toISOString().slice(5, 10)),
        },
        { stroke: '#5c6370', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
      ],
      series: [
        {},
        { label: 'Handoffs', stroke: '#2f4ac0', fill: '#3b5bdb99', ...(bars && { paths: bars }) },
        { label: 'Conversations', stroke: '#5c6370', width: 2 },
        { label: 'Settled by the bot', stroke: '#237032', width: 2, dash: [6, 4] },
      ],
    },
    data,
    plot,
  );
  const key = el('div', 'chart-key');
  key.append(
    swatch('bar', 'Handoffs'),
    swatch('line', 'Conversations'),
    swatch('dashed', 'Settled by the bot'),
  );
  element.append(plot, key);
  return { element, destroy: () => chart.destroy() };
}

function swatch(kind: string, label: string): HTMLElement {
  const item = el('span', `key ${kind}`);
  item.append(el('span', 'mark'), label);
  return item;
}
