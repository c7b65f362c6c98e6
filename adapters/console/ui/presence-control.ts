import { el } from '../../web/widget/dom';

/** The agent's status: away connections get no new-handoff alerts and do not count as available. */
export type PresenceStatus = 'online' | 'away';

/**
 * The Online/Away choice in the top bar. Presence belongs to a connection on the server, so after
 * a reconnect an "away" is sent again (a new connection starts online).
 */
export class PresenceControl {
  readonly element = el('select', 'presence');

  constructor(
    /** Sends the status; resolves with the server's error message, if any. */
    private readonly send: (status: PresenceStatus) => Promise<string | undefined>,
    private readonly notify: (message: string, error?: boolean) => void,
  ) {
    this.element.append(new Option('Online', 'online'), new Option('Away', 'away'));
    this.element.setAttribute('aria-label', 'Your status');
    this.element.title = 'Away: no alerts for new handoffs, and customers are not told someone is available';
    this.element.addEventListener('change', () => void this.apply(true));
  }

  /** A new connection: repeats an "away", since the server starts every connection online. */
  reconnected(): void {
    if (this.element.value === 'away') void this.apply(false);
  }

  private async apply(announce: boolean): Promise<void> {
    const status: PresenceStatus = this.element.value === 'away' ? 'away' : 'online';
    const error = await this.send(status);
    if (error) this.notify(error, true);
    else if (announce)
      this.notify(
        status === 'away' ? 'Away: no alerts for new handoffs.' : 'Online: new handoffs alert you.',
      );
  }
}
