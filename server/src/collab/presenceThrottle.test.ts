import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwarenessEntry } from './awarenessFilter.ts';
import { PresenceThrottle } from './presenceThrottle.ts';

const limits = { perSocketBurst: 3, perSocketPerSecond: 10, perRoomPerSecond: 5, bytesPerRoomPerSecond: 1000 };
const entry = (clock: number, state = `{"c":${clock}}`): AwarenessEntry => ({ clientId: 1, clock, state });

describe('PresenceThrottle', () => {
  let t = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    t += ms;
    vi.advanceTimersByTime(ms);
  };

  it("applies a socket's burst at once, then only its latest state as its rate allows", () => {
    const applied: [string, number][] = [];
    const throttle = new PresenceThrottle<string>(
      (s, e) => applied.push([s, e.clock]),
      limits,
      () => t,
    );
    for (let clock = 1; clock <= 50; clock++) throttle.offer('a', entry(clock));
    expect(applied).toEqual([
      ['a', 1],
      ['a', 2],
      ['a', 3],
    ]);
    expect(throttle.isHolding('a')).toBe(true);
    advance(200);
    expect(applied.at(-1)).toEqual(['a', 50]); // the 46 in between were superseded, never applied
    expect(applied).toHaveLength(4);
    expect(throttle.isHolding('a')).toBe(false);
    throttle.destroy();
  });

  it("keeps the room within its budget across sockets, and never holds back a socket's leaving", () => {
    const applied: string[] = [];
    const throttle = new PresenceThrottle<string>(
      (s) => applied.push(s),
      limits,
      () => t,
    );
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) throttle.offer(s, entry(1));
    expect(applied).toEqual(['a', 'b', 'c', 'd', 'e']); // five a second for the room
    throttle.offer('g', entry(2, 'null'));
    expect(applied.at(-1)).toBe('g');
    expect(throttle.isHolding('g')).toBe(false);
    advance(1000);
    expect(applied).toContain('f');
    // a state larger than the room's byte budget for the moment waits its turn
    throttle.offer('h', entry(1, 'x'.repeat(900)));
    throttle.offer('i', entry(1, 'y'.repeat(900)));
    expect(throttle.isHolding('i')).toBe(true);
    advance(1000);
    expect(throttle.isHolding('i')).toBe(false);
    throttle.forget('a');
    throttle.destroy();
  });
});
