import { describe, expect, it } from 'vitest';
import { isoDate, monthNumber } from './dates.ts';

describe('dates', () => {
  it('formats real days and rejects impossible ones', () => {
    expect(isoDate(2017, 1, 24)).toBe('2017-01-24');
    expect(isoDate(2017, 2, 29)).toBeNull();
    expect(isoDate(2016, 2, 29)).toBe('2016-02-29');
    expect(isoDate(2017, 13, 1)).toBeNull();
  });

  it('reads month names in full, or abbreviated when asked', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('jan')).toBe(0);
    expect(monthNumber('febr', { prefix: true })).toBe(2);
    expect(monthNumber('fe', { prefix: true })).toBe(0);
    expect(monthNumber('febx', { prefix: true })).toBe(0);
  });
});
