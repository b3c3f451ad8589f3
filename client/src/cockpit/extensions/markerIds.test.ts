import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { repeatedIds } from './markerExtensions.ts';

const s = recordSchema;

describe('repeatedIds', () => {
  it('finds action items and decisions whose id repeats an earlier one or is missing', () => {
    const action = (id: string | null) => s.node('actionItem', { id }, [s.text('x')]);
    const doc = s.node('doc', null, [
      s.node('speakerBlock', { id: 'b' }, [action('a1'), action('a1'), s.node('decision', { id: 'd1' })]),
      action(null),
      s.node('decision', { id: 'd1' }),
    ]);
    const positions = repeatedIds(doc);
    expect(positions.map((p) => doc.nodeAt(p)?.type.name)).toEqual(['actionItem', 'actionItem', 'decision']);
    expect(repeatedIds(s.node('doc', null, [action('a1'), action('a2')]))).toEqual([]);
  });
});
