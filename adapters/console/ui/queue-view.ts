import type { ConversationSummary } from '../../../src/realtime/socket-events';
import { el } from '../../web/widget/dom';

/** "3m 05s" style waiting time. */
export function waited(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** The small label naming a conversation's channel. */
export function channelBadge(channel: string): HTMLElement {
  return el('span', `chan ${channel}`, channel);
}

const CHANNEL_NAMES: Record<string, string> = { web: 'Web chat', telegram: 'Telegram', sms: 'SMS' };

/** A channel's name as people write it ("Telegram", "SMS"). */
export function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? channel;
}

const TAG_LABELS: Record<string, { label: string; title: string }> = {
  abusive: { label: 'Abusive', title: 'Repeated abusive or threatening messages after a warning' },
  lead: { label: 'Lead', title: 'Asked about NOC-on-Demand or enhanced support' },
};

/**
 * A badge for each flag agents act on (abuse stands out); flows' bookkeeping tags such as
 * `problem-report` are left out, the severity badge already says as much.
 */
export function tagBadges(tags: string[] | undefined): HTMLElement[] {
  return (tags ?? []).flatMap((tag) => {
    const known = TAG_LABELS[tag];
    if (!known) return [];
    const badge = el('span', `tag ${tag === 'abusive' ? 'alarm' : ''}`.trim(), known.label);
    badge.title = known.title;
    return [badge];
  });
}

/** The label of a report's severity, when known. */
export function severityBadge(severity: string | undefined): HTMLElement | undefined {
  return severity ? el('span', `sev ${severity}`, severity) : undefined;
}

/** The waiting queue: one row per conversation with a "Claim" button. */
export function renderQueue(
  list: HTMLElement,
  items: ConversationSummary[],
  claim: (summary: ConversationSummary, button: HTMLButtonElement) => void,
): void {
  if (items.length === 0) {
    list.replaceChildren(el('li', 'empty', 'Nobody is waiting.'));
    return;
  }
  list.replaceChildren(
    ...items.map((item) => {
      const row = el('li', 'row');
      row.dataset.id = item.id;
      const body = summaryBody(item, true);
      const nameId = `q-${item.id}`;
      body.querySelector('.name')!.id = nameId;
      const button = el('button', 'btn primary small', 'Claim');
      button.type = 'button';
      // The name stays "Claim"; the customer it is for is its description.
      button.setAttribute('aria-describedby', nameId);
      button.addEventListener('click', () => claim(item, button));
      row.append(body, button);
      return row;
    }),
  );
}

/** The agent's own open conversations; picking one opens it. */
export function renderMine(
  list: HTMLElement,
  items: ConversationSummary[],
  selectedId: string | undefined,
  open: (summary: ConversationSummary) => void,
): void {
  if (items.length === 0) {
    list.replaceChildren(el('li', 'empty', 'No open chats. Claim one from the queue.'));
    return;
  }
  list.replaceChildren(
    ...items.map((item) => {
      const row = el('li', `row openable${item.id === selectedId ? ' selected' : ''}`);
      row.dataset.id = item.id;
      const opener = el('button', 'open');
      opener.type = 'button';
      opener.setAttribute('aria-current', item.id === selectedId ? 'true' : 'false');
      opener.append(summaryBody(item, false));
      opener.addEventListener('click', () => open(item));
      row.append(opener);
      return row;
    }),
  );
}

/** Re-draws every waiting time; called once a second. */
export function tickWaitingTimes(root: ParentNode, now: number): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-since]')) {
    node.textContent = waited(Number(node.dataset.since), now);
  }
}

function summaryBody(item: ConversationSummary, showWait: boolean): HTMLElement {
  const body = el('div', 'body');
  const line1 = el('div', 'line1');
  line1.append(channelBadge(item.channel), el('span', 'name', item.customer));
  const severity = severityBadge(item.severity);
  if (severity) line1.append(severity);
  line1.append(...tagBadges(item.tags));
  if (showWait && item.queuedAt) {
    const wait = el('span', 'wait', waited(item.queuedAt, Date.now()));
    wait.dataset.since = String(item.queuedAt);
    wait.title = 'Waiting time';
    line1.append(wait);
  }
  body.append(line1, el('div', 'last', item.lastCustomerText ?? item.handoffReason ?? ''));
  return body;
}
