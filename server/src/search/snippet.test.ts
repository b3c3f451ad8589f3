import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike } from './like.ts';
import { MARK_START, MARK_STOP, openingSnippet, parseHeadline } from './snippet.ts';

describe('parseHeadline', () => {
  it('turns markers into highlighted segments and restores angle brackets', () => {
    const headline = `money ${MARK_START}laundering${MARK_STOP} with \uE002b\uE003 tags`;
    expect(parseHeadline(headline)).toEqual([
      { text: 'money ', highlight: false },
      { text: 'laundering', highlight: true },
      { text: ' with <b> tags', highlight: false },
    ]);
  });

  it('returns no segments for an empty headline', () => {
    expect(parseHeadline('')).toEqual([]);
  });
});

describe('openingSnippet', () => {
  it('cuts long statements at a word boundary', () => {
    const [seg] = openingSnippet(`${'word '.repeat(100)}end`, 50);
    expect(seg!.text.endsWith(' …')).toBe(true);
    expect(seg!.text.length).toBeLessThanOrEqual(52);
    expect(seg!.text).not.toMatch(/wor …$/);
  });
});

describe('escapeLike', () => {
  it('escapes wildcards and the escape character itself', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
    expect(containsPattern('a%')).toBe('%a\\%%');
  });
});
