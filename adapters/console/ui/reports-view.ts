import type { DeskFigures, DeskReport, DurationFigures } from '../../../src/reports/desk-report';
import { el } from '../../web/widget/dom';
import { deskReport } from './console-api';
import { channelName } from './queue-view';
import { renderReportChart } from './report-chart';

/** What the reports view asks the console to do. */
export interface ReportsViewActions {
  notify(message: string, error?: boolean): void;
}

/**
 * How the desk did, for team leads (admins): a range of days, the headline figures, a chart per
 * day, tables per day, per agent, per channel and severity, and the same as a CSV download.
 */
export class ReportsView {
  readonly element = el('div', 'workspace reports');
  private readonly from = dateField('From');
  private readonly to = dateField('To');
  private readonly csv = el('a', 'btn small', 'Download CSV');
  private readonly body = el('div', 'report-body');
  private chart: { destroy(): void } | undefined;

  constructor(private readonly actions: ReportsViewActions) {
    const heading = el('h2', '', 'Desk report');
    heading.id = 'reports-heading';
    const form = el('form', 'history-filters');
    form.setAttribute('aria-label', 'Report range');
    const submit = el('button', 'btn primary small', 'Show');
    submit.type = 'submit';
    form.append(this.from.label, this.to.label, submit, this.csv);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.refresh();
    });
    const top = el('div', 'leads-top');
    top.append(heading, form);
    this.element.setAttribute('aria-labelledby', heading.id);
    this.element.append(top, this.body);
  }

  /** Puts the view on screen with a fresh report. */
  show(): void {
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const range = { from: this.from.input.value, to: this.to.input.value };
    try {
      const report = await deskReport(range);
      if (!this.from.input.value) this.from.input.value = report.from;
      if (!this.to.input.value) this.to.input.value = report.to;
      this.csv.href = `/console/api/reports/desk.csv?from=${report.from}&to=${report.to}`;
      this.csv.setAttribute('download', '');
      this.render(report);
    } catch (error) {
      this.actions.notify(`Report: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  private render(report: DeskReport): void {
    this.chart?.destroy();
    const t = report.totals;
    const cards = el('dl', 'report-cards');
    for (const [name, value] of [
      ['Conversations', String(t.conversations)],
      ['Settled by the bot', percent(t.botSettledShare)],
      ['Handoffs', String(t.handoffs)],
      ['First response (median)', duration(t.firstResponse)],
      ['Time to resolve (median)', duration(t.resolution)],
      ['CSAT', csatText(t)],
    ] as const) {
      const card = el('div', 'card');
      card.append(el('dt', '', name), el('dd', '', value));
      cards.append(card);
    }
    const parts: HTMLElement[] = [cards];
    if (report.truncated)
      parts.push(el('p', 'notes', 'More conversations than one report reads: the figures are partial.'));
    const chart = renderReportChart(report, Math.min(900, this.element.clientWidth - 64));
    this.chart = chart;
    parts.push(chart.element);
    parts.push(
      table(
        'Per day',
        ['Day', 'Conversations', 'Bot settled', 'Handoffs', 'First response', 'To resolve', 'CSAT'],
        report.byDay.map((d) => [
          d.day,
          String(d.conversations),
          percent(d.botSettledShare),
          String(d.handoffs),
          duration(d.firstResponse),
          duration(d.resolution),
          csatText(d),
        ]),
      ),
      table(
        'Per agent',
        ['Agent', 'Handoffs', 'First response', 'To resolve', 'CSAT'],
        report.byAgent.map((a) => [
          a.agentName,
          String(a.handoffs),
          duration(a.firstResponse),
          duration(a.resolution),
          csatText(a),
        ]),
      ),
      table(
        'Handoffs by channel',
        ['Channel', 'Handoffs'],
        Object.entries(report.handoffsByChannel).map(([channel, n]) => [channelName(channel), String(n)]),
      ),
      table(
        'Handoffs by severity',
        ['Severity', 'Handoffs'],
        Object.entries(report.handoffsBySeverity)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([severity, n]) => [severity === 'none' ? 'not given' : severity, String(n)]),
      ),
    );
    this.body.replaceChildren(...parts);
  }
}

/** A captioned table; every cell is text. */
function table(caption: string, columns: string[], rows: string[][]): HTMLElement {
  const box = el('div', 'table-scroller');
  // On a phone the table scrolls sideways: keyboard users reach it too.
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', caption);
  const element = el('table', 'leads-table');
  element.append(el('caption', '', caption));
  const head = el('tr');
  for (const title of columns) {
    const th = el('th', '', title);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const cells of rows) {
    const row = el('tr');
    row.append(...cells.map((cell) => el('td', '', cell)));
    body.append(row);
  }
  if (rows.length === 0) {
    const cell = el('td', 'empty', 'Nothing in this range.');
    cell.colSpan = columns.length;
    const row = el('tr');
    row.append(cell);
    body.append(row);
  }
  element.append(thead, body);
  box.append(element);
  return box;
}

function dateField(name: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el('label');
  const input = el('input');
  input.type = 'date';
  label.append(name, input);
  return { label, input };
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** "4 min", "2 h 5 min", "40 s"; a dash when nothing was measured. */
export function duration(d: DurationFigures): string {
  if (d.medianMs === null) return '–';
  const seconds = Math.round(d.medianMs / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

function csatText(f: Pick<DeskFigures, 'csat'>): string {
  const { ratings, share, averageScore } = f.csat;
  if (ratings === 0 || share === null) return '–';
  const average = averageScore === null ? '' : `, average ${averageScore.toFixed(1)}/5`;
  return `${Math.round(share * 100)}% satisfied (${ratings} rating${ratings === 1 ? '' : 's'}${average})`;
}
