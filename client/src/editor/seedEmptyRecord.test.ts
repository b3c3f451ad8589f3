import { describe, expect, it } from 'vitest';
import { isSeeder } from './seedEmptyRecord.ts';

describe('who seeds an empty session', () => {
  it('is the client alone in the session', () => {
    expect(isSeeder(42, [42])).toBe(true);
    expect(isSeeder(42, [])).toBe(true);
  });

  it('is only the lowest client id among those present', () => {
    expect(isSeeder(7, [42, 7, 99])).toBe(true);
    expect(isSeeder(42, [42, 7, 99])).toBe(false);
  });
});
