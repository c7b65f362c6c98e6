/**
 * A bounded map that forgets the least recently used entry first. A `Map` keeps insertion order,
 * so moving an entry to the end on every read is all the bookkeeping it needs.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Forgets `key`; with `only`, just when it still holds that very value (not a newer one). */
  delete(key: K, only?: V): void {
    if (only !== undefined && this.entries.get(key) !== only) return;
    this.entries.delete(key);
  }
}
