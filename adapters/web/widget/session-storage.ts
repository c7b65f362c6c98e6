/**
 * The widget's session token in localStorage, one per server, so a reload or a new tab continues
 * the same conversation. Storage can be unavailable (privacy modes): then the session lasts a page.
 */
export class SessionStorage {
  private memory: string | undefined;
  private readonly key: string;

  constructor(server: string) {
    this.key = `handoff-chat:${server}:token`;
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
    this.memory = value;
    try {
      if (value) window.localStorage.setItem(this.key, value);
      else window.localStorage.removeItem(this.key);
    } catch {
      // Storage refused: the in-memory copy still serves this page.
    }
  }
}
