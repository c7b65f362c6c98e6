import type { CannedResponse } from '../../../src/model/canned-response';
import { el } from '../../web/widget/dom';

const SHOWN = 8;
let pickers = 0;

/**
 * Canned responses in the reply box: typing `/` at the start, then part of a shortcut or of the
 * text, lists the matches; arrows move, Enter or a click puts the text in the box, Escape closes.
 */
export class CannedPicker {
  readonly element = el('ul', 'canned-picker');
  private matches: CannedResponse[] = [];
  private active = 0;
  private readonly id = `canned-${++pickers}`;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly responses: () => CannedResponse[],
  ) {
    this.element.id = this.id;
    this.element.setAttribute('role', 'listbox');
    this.element.setAttribute('aria-label', 'Canned responses');
    this.element.hidden = true;
    // Registered before the reply box's own Enter handler, so a pick does not also send.
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('input', () => this.update());
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private update(): void {
    const value = this.input.value;
    if (!value.startsWith('/') || value.includes('\n')) {
      this.close();
      return;
    }
    const wanted = value.slice(1).trim().toLowerCase();
    this.matches = this.responses()
      .filter((r) => !wanted || r.shortcut.includes(wanted) || r.text.toLowerCase().includes(wanted))
      .slice(0, SHOWN);
    this.active = 0;
    this.render();
  }

  private render(): void {
    if (this.matches.length === 0) {
      this.element.replaceChildren(el('li', 'none', 'No canned response matches.'));
    } else {
      this.element.replaceChildren(
        ...this.matches.map((response, i) => {
          const option = el('li', i === this.active ? 'active' : '');
          option.id = `${this.id}-${i}`;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', String(i === this.active));
          option.append(el('b', '', `/${response.shortcut}`), ' ', el('span', '', response.text));
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            this.pick(response);
          });
          return option;
        }),
      );
    }
    this.element.hidden = false;
    this.input.setAttribute('aria-controls', this.id);
    if (this.matches.length) this.input.setAttribute('aria-activedescendant', `${this.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (this.element.hidden) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step && this.matches.length) {
      event.preventDefault();
      this.active = (this.active + step + this.matches.length) % this.matches.length;
      this.render();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      const chosen = this.matches[this.active];
      event.preventDefault();
      event.stopImmediatePropagation();
      if (chosen) this.pick(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    }
  }

  private pick(response: CannedResponse): void {
    this.input.value = response.text;
    this.close();
    this.input.focus();
    this.input.dispatchEvent(new Event('input'));
  }

  private close(): void {
    this.element.hidden = true;
    this.input.removeAttribute('aria-activedescendant');
  }
}
