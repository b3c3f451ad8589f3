import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttlCache.ts';

describe('TtlCache', () => {
  it('expires entries after the TTL and evicts the oldest past the size bound', () => {
    let t = 0;
    const c = new TtlCache<string, number>(100, 2, () => t);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('a')).toBeUndefined();
    t = 150;
    expect(c.get('b')).toBeUndefined();
  });

  it('shares one load among concurrent callers and remembers the result', async () => {
    const c = new TtlCache<string, number>(1_000);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return 42;
    };
    expect(await Promise.all([c.getOr('k', load), c.getOr('k', load), c.getOr('k', load)])).toEqual([42, 42, 42]);
    expect(await c.getOr('k', load)).toBe(42);
    expect(loads).toBe(1);
  });
});
