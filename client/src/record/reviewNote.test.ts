import { describe, expect, it } from 'vitest';
import { formatClock } from '../editor/time.ts';
import { changeNote, reviewNote } from './reviewNote.ts';

describe('review note', () => {
  const at = '2017-01-24T10:05:00.000Z';

  it('says who checked a block and when, in local time', () => {
    expect(reviewNote({ status: 'checked', statusBy: 'Ana', statusAt: at })).toBe(
      `checked by Ana at ${formatClock(at)}`,
    );
    expect(reviewNote({ status: 'final', statusBy: 'Ben', statusAt: '' })).toBe('final by Ben');
  });

  it('says nothing for a draft, and what it knows for a status set without a name', () => {
    expect(reviewNote({ status: 'draft', statusBy: 'Ana', statusAt: at })).toBeNull();
    expect(reviewNote({ status: 'checked' })).toBe('checked');
  });

  it('says who changed a block after its check, or during review, and nothing when unmarked', () => {
    expect(changeNote({ status: 'checked', changedBy: 'Ben', changedAt: at })).toBe(
      `changed after check by Ben at ${formatClock(at)}`,
    );
    expect(changeNote({ status: 'draft', changedBy: 'Ben', changedAt: '' })).toBe('changed in review by Ben');
    expect(changeNote({ status: 'checked', changedBy: '' })).toBeNull();
  });
});
