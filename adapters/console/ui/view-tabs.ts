import { el } from '../../web/widget/dom';

/** The console's top-level views. */
export type ViewName =
  | 'conversations'
  | 'history'
  | 'canned'
  | 'tickets'
  | 'leads'
  | 'docs-gaps'
  | 'webhooks'
  | 'reports'
  | 'agents';

const LABELS: Record<ViewName, string> = {
  conversations: 'Conversations',
  history: 'History',
  canned: 'Replies',
  tickets: 'Tickets',
  leads: 'Leads',
  'docs-gaps': 'Docs gaps',
  webhooks: 'Webhooks',
  reports: 'Reports',
  agents: 'Agents',
};
/** Every agent's views; admins (team leads) also get the report and the agent accounts. */
const AGENT_VIEWS: readonly ViewName[] = [
  'conversations',
  'history',
  'canned',
  'tickets',
  'leads',
  'docs-gaps',
  'webhooks',
];
const ADMIN_VIEWS: readonly ViewName[] = [...AGENT_VIEWS, 'reports', 'agents'];

/** The views a role sees. */
export function viewsFor(role: 'admin' | 'agent'): readonly ViewName[] {
  return role === 'admin' ? ADMIN_VIEWS : AGENT_VIEWS;
}

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
  views: readonly ViewName[] = AGENT_VIEWS,
): { element: HTMLElement; select(view: ViewName): void } {
  const list = el('div', 'tabs');
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', 'Console views');
  const tabs = views.map((view) => {
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
    const next = views[(current + step + views.length) % views.length]!;
    choose(next);
    document.getElementById(tabId(next))?.focus();
  });
  list.append(...tabs);
  const select = (view: ViewName) => {
    tabs.forEach((tab, i) => {
      const on = views[i] === view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    });
  };
  return { element: list, select };
}
