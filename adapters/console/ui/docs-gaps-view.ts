import type { AnswerReview } from '../answer-routes';
import { el } from '../../web/widget/dom';
import { listAnswers } from './console-api';
import { recordTable } from './record-table';
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
  private readonly allAnswers = el('input');
  private readonly table = recordTable({
    id: 'docs-gaps',
    title: 'Answers that did not help',
    columns: ['When', 'Question', 'Page given', 'Confidence', 'Outcome', 'Conversation'],
    controls: [this.showEveryAnswer()],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;

  constructor(private readonly actions: DocsGapsViewActions) {}

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
    this.table.show(
      answers.map((answer) => this.row(answer)),
      'Nothing yet: every answer so far helped, or nobody said otherwise.',
    );
  }

  /** The "Show every answer" checkbox, which widens the list beyond the failures. */
  private showEveryAnswer(): HTMLElement {
    this.allAnswers.type = 'checkbox';
    this.allAnswers.id = 'docs-gaps-all';
    this.allAnswers.addEventListener('change', () => void this.refresh());
    const label = el('label', 'muted', ' Show every answer');
    label.prepend(this.allAnswers);
    return label;
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
