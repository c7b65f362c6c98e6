import { LruCache } from '../../src/knowledge/lru-cache';

describe('LruCache', () => {
  it('forgets the least recently used entry first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // "b" is now the oldest
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });

  it('forgets an entry only while it still holds the given value', () => {
    const cache = new LruCache<string, object>(4);
    const first = {};
    const second = {};
    cache.set('q', first);
    cache.set('q', second);
    cache.delete('q', first);
    expect(cache.get('q')).toBe(second);
    cache.delete('q', second);
    expect(cache.get('q')).toBeUndefined();
  });

  it('keeps nothing with a capacity of 0', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect([cache.get('a'), cache.size]).toEqual([undefined, 0]);
  });
});
