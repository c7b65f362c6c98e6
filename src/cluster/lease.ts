/** What the holder of a lease is told. */
export interface LeaseHandlers {
  /** This instance now holds the lease: start the work only one instance may do. */
  onAcquired(): void | Promise<void>;
  /** This instance no longer holds it (released, expired, taken over): stop that work now. */
  onLost(): void | Promise<void>;
}

/** A lease being held or waited for; `release` gives it up and stops waiting. */
export interface Lease {
  readonly name: string;
  readonly held: boolean;
  release(): Promise<void>;
}

/**
 * Asks for the named lease: "exactly one instance does X". The callback fires when this instance
 * gets it, possibly later (when the holder releases it or dies and its lease runs out).
 */
export type AcquireLease = (name: string, ttlMs: number, handlers: LeaseHandlers) => Lease;

/** The lease of a single instance with no Redis: it is always the one holder. */
export const acquireLocalLease: AcquireLease = (name, _ttlMs, handlers) => {
  let held = true;
  void Promise.resolve().then(() => (held ? handlers.onAcquired() : undefined));
  return {
    name,
    get held() {
      return held;
    },
    release: async () => {
      if (!held) return;
      held = false;
      await handlers.onLost();
    },
  };
};
