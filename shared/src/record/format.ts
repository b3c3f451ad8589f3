/**
 * Lines in the plain-text convention the parser reads (that of the published CND records), so
 * that a text export parses back into the same structure. Each writer checks its line against
 * the parser and falls back to a more explicit form when the natural one would be misread.
 */
import { readCapsHeading, readExplicitHeading } from './furniture.ts';
import { baseSpeaker } from './kind.ts';
import { takesArticle } from './names.ts';
import { readOpener } from './opener.ts';
import type { ParsedBlock } from './types.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A heading line the parser recognises as a heading: as written when it can, else "## heading". */
export function headingLine(heading: string): string {
  const h = oneLine(heading);
  if (readExplicitHeading(h) === h || (readCapsHeading(h) === h && !readOpener(h))) return h;
  return `## ${h}`;
}

/**
 * The opener of a statement without its final punctuation: "Malta, on behalf of the European
 * Union", "Jane Doe, HRI (right of reply)". The qualifier goes last, where the parser looks for it.
 */
function openerHead(block: Pick<ParsedBlock, 'speaker' | 'affiliation' | 'onBehalfOf'>): string {
  const speaker = oneLine(block.speaker);
  const base = baseSpeaker(speaker);
  const qualifier = speaker.slice(base.length).trim();
  let head = base;
  if (block.affiliation) head += `, ${oneLine(block.affiliation)}`;
  if (block.onBehalfOf) {
    const group = oneLine(block.onBehalfOf);
    head += `, on behalf of ${takesArticle(group) ? 'the ' : ''}${group}`;
  }
  return qualifier ? `${head} ${qualifier}` : head;
}

const sameSpeaker = (
  a: ReturnType<typeof readOpener>,
  b: Pick<ParsedBlock, 'speaker' | 'affiliation' | 'onBehalfOf'>,
) =>
  a !== null &&
  a.speaker === oneLine(b.speaker) &&
  a.affiliation === (b.affiliation ? oneLine(b.affiliation) : null) &&
  a.onBehalfOf === (b.onBehalfOf ? oneLine(b.onBehalfOf) : null);

/**
 * The opener line of a statement with its first paragraph (if any) on the same line:
 * "Peru. We give ...", or "Jane Roe: We give ..." when a bare name would not read as a speaker.
 */
export function openerLine(block: Pick<ParsedBlock, 'speaker' | 'affiliation' | 'onBehalfOf'>, first: string): string {
  const head = openerHead(block);
  const probe = first || 'x';
  for (const candidate of [`${head}.`, `${head}:`]) {
    if (sameSpeaker(readOpener(`${candidate} ${probe}`), block)) return first ? `${candidate} ${first}` : candidate;
  }
  return first ? `${head}: ${first}` : `${head}:`;
}

/** A bullet list (one paragraph of the parse format) as indented bullet lines. */
export function bulletLines(paragraph: string): string {
  return paragraph
    .split('\n')
    .map(oneLine)
    .filter(Boolean)
    .map((item) => `  • ${item}`)
    .join('\n');
}
