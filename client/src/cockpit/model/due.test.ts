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
    expect(parseDue('next month or so', now)).toBeNull();
    expect(parseDue('in many days', now)).toBeNull();
    expect(parseDue('fr', now)).toBeNull();
    expect(parseDue('1 Febx', now)).toBeNull();
  });

  it('reads the phrases people say in a meeting, relative to today (issue 13, item 11)', () => {
    // 24 January 2017 was a Tuesday
    const tuesday = new Date(2017, 0, 24, 12);
    expect(parseDue('today', tuesday)).toBe('2017-01-24');
    expect(parseDue('Tomorrow', tuesday)).toBe('2017-01-25');
    expect(parseDue('in 3 days', tuesday)).toBe('2017-01-27');
    expect(parseDue('in a day', tuesday)).toBe('2017-01-25');
    expect(parseDue('in 2 weeks', tuesday)).toBe('2017-02-07');
    expect(parseDue('next week', tuesday)).toBe('2017-01-31');
    expect(parseDue('next Friday', tuesday)).toBe('2017-01-27');
    expect(parseDue('friday', tuesday)).toBe('2017-01-27');
    expect(parseDue('next fri', tuesday)).toBe('2017-01-27');
    expect(parseDue('Tuesday', tuesday)).toBe('2017-01-31'); // never today: the next one
    expect(parseDue('in 10 days', new Date(2017, 1, 25, 12))).toBe('2017-03-07'); // across a month end
    expect(parseDue('12 Dec', tuesday)).toBe('2017-12-12');
    expect(parseDue('Dec 12', tuesday)).toBe('2017-12-12');
    expect(parseDue('December 12, 2018', tuesday)).toBe('2018-12-12');
    expect(parseDue('2017-12-12', tuesday)).toBe('2017-12-12');
  });

  it('shows an ISO date in words', () => {
    expect(formatDue('2017-02-01')).toBe('1 Feb 2017');
    expect(formatDue('soon')).toBe('soon');
  });
});
