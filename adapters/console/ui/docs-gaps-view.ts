import type { AnswerReview } from '../../console/answer-routes';
import { el } from '../../web/widget/dom';
import { listAnswers } from './console-api';
import { exactTime, relativeTime } from './relative-time';

/** What the docs-gaps view asks the console to do. */
export interface DocsGapsViewActions {
  openConversation(conversationId: string): void;
  notify(message: string, error?: boolean): void;
}

/**
 * The bot's answers from the docs that did not help: marked "no" on "Did this help?" or followed
 * by "Human". The team reads what customers asked and which page they got, to fix the docs.
 * Questions are customer text and go in as textContent.
 */
export class DocsGapsView {
  readonly element = el('div', 'workspace leads');
  private readonly body = el('tbody');
  private readonly count = el('span', 'count', '0');
  private readonly allAnswers = el('input');

  constructor(private readonly actions: DocsGapsViewActions) {
    const heading = el('h2', '', 'Answers that did not help ');
    heading.id = 'docs-gaps-heading';
    heading.append(this.count);
    this.allAnswers.type = 'checkbox';
    this.allAnswers.id = 'docs-gaps-all';
    this.allAnswers.addEventListener('change', () => void this.refresh());
    const label = el('label', 'muted', ' Show every answer');
    label.prepend(this.allAnswers);
    const refresh = el('button', 'btn small', 'Refresh');
    refresh.type = 'button';
    refresh.addEventListener('click', () => void this.refresh());
    const top = el('div', 'leads-top');
    top.append(heading, label, refresh);

    const table = el('table', 'leads-table');
    table.setAttribute('aria-labelledby', heading.id);
    const head = el('tr');
    for (const title of ['When', 'Question', 'Page given', 'Confidence', 'Outcome', ''])
      head.append(el('th', '', title));
    const thead = el('thead');
    thead.append(head);
    table.append(thead, this.body);
    const scroller = el('div', 'table-scroller');
    scroller.append(table);
    this.element.append(top, scroller);
  }

  /** Puts the view on screen with a fresh list. */
  show(): void {
    void this.refresh();
  }

  /** Fetches the answers again. */
  async refresh(): Promise<void> {
    try {
      this.render(await listAnswers(!this.allAnswers.checked));
    } catch (error) {
      this.actions.notify(`Answers: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  private render(answers: AnswerReview[]): void {
    this.count.textContent = String(answers.length);
    if (answers.length === 0) {
      const cell = el('td', 'empty', 'Nothing yet: every answer so far helped, or nobody said otherwise.');
      cell.colSpan = 6;
      const row = el('tr');
      row.append(cell);
      this.body.replaceChildren(row);
      return;
    }
    this.body.replaceChildren(...answers.map((answer) => this.row(answer)));
  }

  private row(answer: AnswerReview): HTMLTableRowElement {
    const row = el('tr');
    const when = el('td', 'when', relativeTime(answer.at));
    when.title = exactTime(answer.at);
    const outcome = [
      answer.helpful === false ? 'Did not help' : answer.helpful === true ? 'Helped' : '',
      answer.askedForHuman ? 'Asked for a human' : '',
    ]
      .filter(Boolean)
      .join(', ');
    const action = el('td');
    const open = el('button', 'btn small', 'Open chat');
    open.type = 'button';
    open.addEventListener('click', () => this.actions.openConversation(answer.conversationId));
    action.append(open);
    row.append(
      when,
      el('td', 'enquiry', answer.question),
      el('td', '', answer.page ?? ''),
      el('td', '', answer.confidence === undefined ? '' : answer.confidence.toFixed(2)),
      el('td', '', outcome || 'No feedback'),
      action,
    );
    return row;
  }
}
