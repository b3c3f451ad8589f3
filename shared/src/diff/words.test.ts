import { describe, expect, it } from 'vitest';
import { diffWords, hasChanges, sideText, tokenize } from './words.ts';

describe('tokenize', () => {
  it('splits words, spaces and punctuation, and joins back to the text', () => {
    const text = "Malta, on behalf of the EU, doesn't agree:  1.5%  ";
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens.slice(0, 4)).toEqual(['Malta', ',', ' ', 'on']);
    expect(tokens).toContain("doesn't");
  });

  it('keeps letters of any script together', () => {
    expect(tokenize('Посол России')).toEqual(['Посол', ' ', 'России']);
  });
});

describe('diffWords', () => {
  it('marks nothing when the texts are equal', () => {
    expect(diffWords('Thank you, Chair.', 'Thank you, Chair.')).toEqual([{ op: 'equal', text: 'Thank you, Chair.' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('finds a replaced word, with the deletion before the insertion', () => {
    expect(diffWords('The EU supports the draft.', 'The EU opposes the draft.')).toEqual([
      { op: 'equal', text: 'The EU ' },
      { op: 'delete', text: 'supports' },
      { op: 'insert', text: 'opposes' },
      { op: 'equal', text: ' the draft.' },
    ]);
  });

  it('folds the space between two changed words into one change', () => {
    expect(diffWords('the quick fox', 'a slow fox')).toEqual([
      { op: 'delete', text: 'the quick' },
      { op: 'insert', text: 'a slow' },
      { op: 'equal', text: ' fox' },
    ]);
  });

  it('reports added and removed text entirely', () => {
    expect(diffWords('', 'New statement.')).toEqual([{ op: 'insert', text: 'New statement.' }]);
    expect(diffWords('Old statement.', '')).toEqual([{ op: 'delete', text: 'Old statement.' }]);
  });

  it('always spells both sides exactly', () => {
    const pairs = [
      ['We thank the Secretariat for the report.', 'We warmly thank the Secretariat for its report!'],
      ['a b c d e f', 'f e d c b a'],
      ['line one\n\nline two', 'line one\nline 2\n\nline three'],
    ] as const;
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      expect(sideText(segments, 'before')).toBe(before);
      expect(sideText(segments, 'after')).toBe(after);
      expect(hasChanges(segments)).toBe(true);
    }
  });
});
