import { describe, expect, it } from 'vitest';
import { formatClock } from '../editor/time.ts';
import { attributeValue, diffSummary } from './diffLabels.ts';

describe('diff wording', () => {
  it('sums up block changes, leaving out what did not happen', () => {
    expect(diffSummary({ added: 1, removed: 0, changed: 2, unchanged: 7, moved: 1 })).toBe(
      'Speaker blocks: 2 changed, 1 added, 1 moved',
    );
    expect(diffSummary({ added: 0, removed: 0, changed: 0, unchanged: 3, moved: 0 })).toBe('No speaker block changed');
  });

  it('shows header values as the header does', () => {
    const at = '2017-01-24T10:05:00.000Z';
    expect(attributeValue('startedAt', at)).toBe(formatClock(at));
    expect(attributeValue('kind', 'member-state')).toBe('Member state');
    expect(attributeValue('status', 'checked')).toBe('Checked');
    expect(attributeValue('speaker', 'Malta')).toBe('Malta');
  });
});
