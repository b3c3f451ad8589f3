import { findExact, SEED_ENTRIES } from '@rapporteur/shared/registry';
import { describe, expect, it } from 'vitest';
import { unknownNames } from './unknownNames.ts';

const known = (name: string) => findExact(name, SEED_ENTRIES) !== undefined;
const header = (id: string, speaker: string, affiliation = '', onBehalfOf = '') => ({
  id,
  speaker,
  affiliation,
  onBehalfOf,
  kind: 'other' as const,
});

describe('unknownNames', () => {
  it('lists each unknown name once per field with the blocks using it, and skips known names and short forms', () => {
    const list = unknownNames(
      [
        header('a', 'Russia', '', 'EU'),
        header('b', 'Jan Novak', 'Youth RISE'),
        header('c', 'jan novak', 'UNODC'),
        header('d', 'Brazl'),
      ],
      known,
    );
    expect(list.map((u) => [u.field, u.name, u.blockIds])).toEqual([
      ['speaker', 'Jan Novak', ['b', 'c']],
      ['affiliation', 'Youth RISE', ['b']],
      ['speaker', 'Brazl', ['d']],
    ]);
    expect(list[0]!.hasAffiliation).toBe(true);
  });
});
