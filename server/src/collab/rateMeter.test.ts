import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter.ts';

describe('RateMeter', () => {
  it('estimates events per second over the last second, forgetting older ones', () => {
    let t = 0;
    const m = new RateMeter(() => t);
    for (let i = 0; i < 50; i++) {
      m.hit();
      t += 20; // 50 per second
    }
    expect(m.perSecond()).toBeCloseTo(50, 0);
    t += 500; // half a second of silence: half of the last window still counts
    expect(m.perSecond()).toBeCloseTo(25, 0);
    t += 2_000;
    expect(m.perSecond()).toBe(0);
  });
});
