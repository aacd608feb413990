import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lru-map.ts';

function filled(): LruMap<string, number> {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  return map;
}

describe('LruMap', () => {
  it('lets the least recently used entry go past its capacity', () => {
    const map = filled();
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([map.peek('a'), map.peek('b'), map.peek('c')]).toEqual([1, undefined, 3]);
  });

  it('does not count a peek as a use', () => {
    const map = filled();
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect([map.peek('a'), map.peek('b'), map.peek('c')]).toEqual([undefined, 2, 3]);
  });

  it('counts writing an entry again as a use', () => {
    const map = filled();
    map.set('a', 10);
    map.set('c', 3);
    expect([map.peek('a'), map.peek('b'), map.peek('c')]).toEqual([10, undefined, 3]);
  });
});
