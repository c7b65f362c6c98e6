import { el } from '../../web/widget/dom';

/** A titled, counted, refreshable table of records (leads, docs answers); rows are the caller's. */
export interface RecordTable {
  element: HTMLElement;
  /** Shows these rows, or one line saying why there are none; the count follows. */
  show(rows: HTMLTableRowElement[], emptyText: string): void;
}

/**
 * Builds the console's record-list layout: a heading named by `title` with a count, the extra
 * controls, a Refresh button calling `refresh`, and a table labelled by the heading.
 */
export function recordTable(options: {
  id: string;
  title: string;
  columns: readonly string[];
  controls?: HTMLElement[];
  refresh: () => void;
}): RecordTable {
  const count = el('span', 'count', '0');
  const heading = el('h2', '', `${options.title} `);
  heading.id = `${options.id}-heading`;
  heading.append(count);
  const refresh = el('button', 'btn small', 'Refresh');
  refresh.type = 'button';
  refresh.addEventListener('click', options.refresh);
  const top = el('div', 'leads-top');
  top.append(heading, ...(options.controls ?? []), refresh);

  const body = el('tbody');
  const table = el('table', 'leads-table');
  table.setAttribute('aria-labelledby', heading.id);
  const head = el('tr');
  for (const title of options.columns) {
    const th = el('th', '', title);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  const scroller = el('div', 'table-scroller');
  scroller.append(table);
  const element = el('div', 'workspace leads');
  element.append(top, scroller);

  return {
    element,
    show(rows, emptyText) {
      count.textContent = String(rows.length);
      if (rows.length > 0) {
        body.replaceChildren(...rows);
        return;
      }
      const cell = el('td', 'empty', emptyText);
      cell.colSpan = options.columns.length;
      const row = el('tr');
      row.append(cell);
      body.replaceChildren(row);
    },
  };
}
