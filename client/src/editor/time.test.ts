import { describe, expect, it } from 'vitest';
import { formatClock, parseClock, withClock } from './time.ts';

describe('block start times', () => {
  it('shows an ISO instant as HH:MM in local time', () => {
    const d = new Date(2017, 0, 24, 9, 5, 42);
    expect(formatClock(d.toISOString())).toBe('09:05');
    expect(formatClock('')).toBe('');
    expect(formatClock('not a date')).toBe('');
  });

  it('accepts the ways people type a time, and refuses impossible ones', () => {
    expect(parseClock('14:05')).toEqual([14, 5]);
    expect(parseClock(' 14.05 ')).toEqual([14, 5]);
    expect(parseClock('14h05')).toEqual([14, 5]);
    expect(parseClock('1405')).toEqual([14, 5]);
    expect(parseClock('9:05')).toEqual([9, 5]);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(parseClock('9:5')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });

  it('changes the time of day and keeps the day of the block', () => {
    const base = new Date(2017, 0, 24, 10, 32, 17).toISOString();
    const moved = new Date(withClock(base, [10, 30], new Date(2030, 5, 1)));
    expect([moved.getFullYear(), moved.getMonth(), moved.getDate()]).toEqual([2017, 0, 24]);
    expect([moved.getHours(), moved.getMinutes(), moved.getSeconds()]).toEqual([10, 30, 0]);
  });

  it('uses today for a block that had no time', () => {
    const now = new Date(2025, 2, 3, 8, 0);
    const t = new Date(withClock('', [15, 45], now));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2025, 2, 3, 15, 45]);
  });
});
