import { LRUCache } from 'lru-cache';

/**
 * A bounded map that forgets the least recently used entry first: the `lru-cache` package, with the
 * two things the answer cache needs on top: a capacity of 0 turns it off, and `delete(key, only)`
 * forgets an entry only while it still holds that value (an in-flight answer that failed must not
 * remove the newer one that replaced it).
 */
// lru-cache keys and values are non-nullish values of any kind (`{}`), which is what the package requires.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export class LruCache<K extends {}, V extends {}> {
  private readonly entries: LRUCache<K, V> | undefined;

  constructor(capacity: number) {
    this.entries = capacity > 0 ? new LRUCache<K, V>({ max: capacity }) : undefined;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  get(key: K): V | undefined {
    return this.entries?.get(key);
  }

  set(key: K, value: V): void {
    this.entries?.set(key, value);
  }

  /** Forgets `key`; with `only`, just when it still holds that very value (not a newer one). */
  delete(key: K, only?: V): void {
    if (only !== undefined && this.entries?.peek(key) !== only) return;
    this.entries?.delete(key);
  }
}
