/**
 * The widget's session token in localStorage, one per server, so a reload or a new tab continues
 * the same conversation, and how far the customer has read it. Storage can be unavailable (privacy modes): then the session lasts a page.
 */
export class SessionStorage {
  private memory: string | undefined;
  private readMemory = 0;
  private readonly key: string;
  private readonly readKey: string;

  constructor(server: string) {
    this.key = `handoff-chat:${server}:token`;
    this.readKey = `handoff-chat:${server}:read`;
  }

  /** The highest sequence number the customer has seen with the panel open (0 before any). */
  get lastReadSeq(): number {
    try {
      const stored = Number(window.localStorage.getItem(this.readKey));
      return Number.isInteger(stored) && stored > this.readMemory ? stored : this.readMemory;
    } catch {
      return this.readMemory;
    }
  }

  /** Remembers what the customer has read, so a return visit counts only newer messages as unread. */
  set lastReadSeq(seq: number) {
    if (seq <= this.lastReadSeq) return;
    this.readMemory = seq;
    try {
      window.localStorage.setItem(this.readKey, String(seq));
    } catch {
      // Storage refused: the in-memory copy still serves this page.
    }
  }

  /** The token the server gave earlier, if any. */
  get token(): string | undefined {
    try {
      return window.localStorage.getItem(this.key) ?? this.memory;
    } catch {
      return this.memory;
    }
  }

  /** Keeps the token the server sent in `session`. */
  set token(value: string | undefined) {
    const changed = value !== this.token;
    this.memory = value;
    if (changed) this.readMemory = 0;
    try {
      // A new conversation starts unread from its first message.
      if (changed) window.localStorage.removeItem(this.readKey);
      if (value) window.localStorage.setItem(this.key, value);
      else window.localStorage.removeItem(this.key);
    } catch {
      // Storage refused: the in-memory copy still serves this page.
    }
  }
}
