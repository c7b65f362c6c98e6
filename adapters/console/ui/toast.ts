import { el } from '../../web/widget/dom';

/** A short notice over the page (role alert): confirmations go after 4 s, errors after 8 s. */
export class Toast {
  readonly element = el('div', 'toast');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.element.setAttribute('role', 'alert');
  }

  /** Shows the message (as text), replacing the one on screen. */
  show(message: string, error = false): void {
    clearTimeout(this.timer);
    this.element.className = `toast${error ? ' error' : ''}`;
    this.element.textContent = message;
    this.timer = setTimeout(() => (this.element.textContent = ''), error ? 8000 : 4000);
  }

  /** Stops the pending hide (the console is going away). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
