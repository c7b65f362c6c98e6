import type { ConversationSummary } from '../../../src/realtime/socket-events';

const BASE_TITLE = 'Handoff console';

/**
 * How a new handoff gets an agent's attention: a short beep (WebAudio, no sound file), a browser
 * notification when allowed, and the number of unseen handoffs in the tab title.
 */
export class HandoffAlerts {
  private audio: AudioContext | undefined;
  private readonly unseen = new Set<string>();

  constructor() {
    window.addEventListener('focus', () => this.clear());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.clear();
    });
  }

  /** Prepares sound and asks for notifications; call from a click (browsers require a gesture). */
  unlock(): void {
    try {
      this.audio ??= new AudioContext();
      void this.audio.resume();
    } catch {
      // No WebAudio: the title and the notification still tell the agent.
    }
    if ('Notification' in window && Notification.permission === 'default') {
      void Notification.requestPermission();
    }
  }

  /** Announces one new waiting conversation. */
  announce(summary: ConversationSummary): void {
    if (document.hidden || !document.hasFocus()) this.unseen.add(summary.id);
    this.updateTitle();
    this.beep();
    if ('Notification' in window && Notification.permission === 'granted' && document.hidden) {
      const note = new Notification(`New ${summary.channel} chat waiting`, {
        body: `${summary.customer}: ${summary.lastCustomerText ?? 'asked for a person'}`.slice(0, 180),
        tag: `handoff-${summary.id}`,
      });
      note.onclick = () => window.focus();
    }
  }

  /** Forgets conversations that left the queue (claimed by someone, cancelled). */
  keepOnly(waitingIds: Set<string>): void {
    for (const id of this.unseen) if (!waitingIds.has(id)) this.unseen.delete(id);
    this.updateTitle();
  }

  /** The agent is looking: nothing is unseen any more. */
  clear(): void {
    this.unseen.clear();
    this.updateTitle();
  }

  private updateTitle(): void {
    document.title = this.unseen.size > 0 ? `(${this.unseen.size}) ${BASE_TITLE}` : BASE_TITLE;
  }

  private beep(): void {
    const audio = this.audio;
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(880, start);
    tone.frequency.setValueAtTime(1320, start + 0.12);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.32);
  }
}
