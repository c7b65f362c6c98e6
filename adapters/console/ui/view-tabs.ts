import { el } from '../../web/widget/dom';

/** The console's top-level views. */
export type ViewName =
  'conversations' | 'history' | 'canned' | 'tickets' | 'leads' | 'docs-gaps' | 'webhooks';

const LABELS: Record<ViewName, string> = {
  conversations: 'Conversations',
  history: 'History',
  canned: 'Replies',
  tickets: 'Tickets',
  leads: 'Leads',
  'docs-gaps': 'Docs gaps',
  webhooks: 'Webhooks',
};
const ORDER: readonly ViewName[] = [
  'conversations',
  'history',
  'canned',
  'tickets',
  'leads',
  'docs-gaps',
  'webhooks',
];

/** The tab id of a view, for the panel's aria-labelledby. */
export function tabId(view: ViewName): string {
  return `tab-${view}`;
}

/**
 * The tabs that switch the console's views, following the ARIA tabs pattern: one tab in the Tab
 * order, arrow keys move between tabs, choosing one calls `choose`.
 */
export function renderViewTabs(
  panelId: string,
  choose: (view: ViewName) => void,
): { element: HTMLElement; select(view: ViewName): void } {
  const list = el('div', 'tabs');
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', 'Console views');
  const tabs = ORDER.map((view) => {
    const tab = el('button', 'tab', LABELS[view]);
    tab.type = 'button';
    tab.id = tabId(view);
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panelId);
    tab.addEventListener('click', () => choose(view));
    return tab;
  });
  list.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    if (!step || current < 0) return;
    event.preventDefault();
    const next = ORDER[(current + step + ORDER.length) % ORDER.length]!;
    choose(next);
    document.getElementById(tabId(next))?.focus();
  });
  list.append(...tabs);
  const select = (view: ViewName) => {
    tabs.forEach((tab, i) => {
      const on = ORDER[i] === view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    });
  };
  return { element: list, select };
}
