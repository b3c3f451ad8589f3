import type { SnippetSegment } from '@rapporteur/shared/api';

/**
 * ts_headline marks matches with StartSel/StopSel. We use two private-use characters and strip
 * them from the text first, so every marker in the output is ours; the snippet then travels as
 * plain-text segments and no HTML is ever built from a user's words.
 */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';
// ts_headline's parser takes `<b>` in a statement for a tag and blanks it out; angle brackets
// travel as two more private-use characters and are restored after parsing.
const LT = '\uE002';
const GT = '\uE003';

/** `translate()` arguments for the text given to ts_headline: brackets hidden, our characters dropped. */
export const HEADLINE_TRANSLATE = { from: `<>${MARK_START}${MARK_STOP}${LT}${GT}`, to: `${LT}${GT}` };

/** The ts_headline options (passed as a parameter, never spliced into SQL). */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Split a marked headline into segments. */
export function parseHeadline(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let highlight = false;
  let text = '';
  const push = () => {
    if (text) segments.push({ text, highlight });
    text = '';
  };
  for (const ch of headline) {
    if (ch === MARK_START || ch === MARK_STOP) {
      push();
      highlight = ch === MARK_START;
    } else {
      text += ch === LT ? '<' : ch === GT ? '>' : ch;
    }
  }
  push();
  return segments;
}

/** A plain opening of a statement, cut at a word boundary (results without a text query). */
export function openingSnippet(text: string, maxChars = 240): SnippetSegment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean ? [{ text: clean, highlight: false }] : [];
  const cut = clean.lastIndexOf(' ', maxChars);
  return [{ text: `${clean.slice(0, cut > maxChars / 2 ? cut : maxChars)} …`, highlight: false }];
}
