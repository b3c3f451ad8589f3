import { describe, expect, it } from 'vitest';
import { durationLabel, durationSeconds, durationWords, offsetLabel } from './clock.ts';

describe('meeting clock', () => {
  const start = '2017-01-24T09:30:00.000Z';

  it('shows a block start as an offset from the session start', () => {
    expect(offsetLabel(start, '2017-01-24T10:42:05.000Z')).toBe('+1:12:05');
    expect(offsetLabel(start, start)).toBe('+0:00:00');
    expect(offsetLabel(start, '2017-01-24T09:25:00.000Z')).toBe('−0:05:00');
  });

  it('shows nothing when a time is missing or unreadable', () => {
    expect(offsetLabel('', start)).toBe('');
    expect(offsetLabel(start, 'soon')).toBe('');
    expect(durationSeconds(start, '')).toBeNull();
  });

  it('measures a block until the next one starts, never backwards', () => {
    expect(durationSeconds(start, '2017-01-24T09:34:10.000Z')).toBe(250);
    expect(durationSeconds('2017-01-24T09:34:10.000Z', start)).toBeNull();
    expect(durationLabel(250)).toBe('4:10');
    expect(durationLabel(3730)).toBe('1:02:10');
    expect(durationWords(250)).toBe('4 min 10 s');
    expect(durationWords(3605)).toBe('1 h 0 min 5 s');
  });
});
