/**
 * Runs tasks one at a time per key, in arrival order, so two messages of one conversation never
 * interleave their flows. Keys with nothing waiting are forgotten at once.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued earlier under the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when everything queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}

/** The lock key of one conversation: inbound messages, agent replies and resends of it take turns. */
export function conversationLockKey(ref: { channel: string; conversationKey: string }): string {
  return `${ref.channel}:${ref.conversationKey}`;
}
