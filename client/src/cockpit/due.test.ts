import { describe, expect, it } from 'vitest';
import { formatDue, parseDue } from './due.ts';

describe('due dates', () => {
  const now = new Date('2017-01-24T12:00:00Z');

  it('reads ISO dates, day-first numeric dates and written months', () => {
    expect(parseDue('2017-02-01', now)).toBe('2017-02-01');
    expect(parseDue('1/2/2017', now)).toBe('2017-02-01');
    expect(parseDue('1.2.17', now)).toBe('2017-02-01');
    expect(parseDue('1 Feb 2017', now)).toBe('2017-02-01');
    expect(parseDue('15 march', now)).toBe('2017-03-15');
    expect(parseDue('3 Sept.', now)).toBe('2017-09-03');
  });

  it('keeps an empty field empty and refuses what is not a date', () => {
    expect(parseDue('  ', now)).toBe('');
    expect(parseDue('31/2/2017', now)).toBeNull();
    expect(parseDue('next week', now)).toBeNull();
    expect(parseDue('1 Febx', now)).toBeNull();
  });

  it('shows an ISO date in words', () => {
    expect(formatDue('2017-02-01')).toBe('1 Feb 2017');
    expect(formatDue('soon')).toBe('soon');
  });
});
