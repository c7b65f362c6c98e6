/**
 * Turns keystrokes into typing indicators: "on" at the first key, "off" after a pause or when the
 * message is sent, and nothing in between, so a fast typist does not flood the socket. Shared by
 * the widget and the console (browser code: no Node imports).
 */
export class TypingSignal {
  private on = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (on: boolean) => void,
    private readonly idleMs = 2500,
  ) {}

  /** A key was pressed in the message box. */
  keystroke(): void {
    if (!this.on) {
      this.on = true;
      this.emit(true);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** The message was sent or the box closed. */
  stop(): void {
    clearTimeout(this.timer);
    if (this.on) this.emit(false);
    this.on = false;
  }
}
