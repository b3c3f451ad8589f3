/**
 * Lines in the plain-text convention the parser reads (that of the published CND records), so
 * that a text export parses back into the same structure. Each writer checks its line against
 * the parser and falls back to a more explicit form when the natural one would be misread.
 */
import { readCapsHeading, readExplicitHeading } from './furniture.ts';
import { takesArticle } from './names.ts';
import { readOpener } from './opener.ts';
import { qualifierSuffix, splitQualifiers } from './qualifiers.ts';
import type { ParsedBlock } from './types.ts';

/** Text on one line: every run of white space (line breaks included) as one space, trimmed. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A heading line the parser recognises as a heading: as written when it can, else "## heading". */
export function headingLine(heading: string): string {
  const h = oneLine(heading);
  if (readExplicitHeading(h) === h || (readCapsHeading(h) === h && !readOpener(h))) return h;
  return `## ${h}`;
}

type Who = Pick<ParsedBlock, 'speaker' | 'affiliation' | 'onBehalfOf' | 'qualifiers'>;

/** A block's qualifiers, including any still written into its speaker ("Brazil (right of reply)"). */
function whoOf(block: Who): { speaker: string; qualifiers: string[] } {
  const { head, qualifiers } = splitQualifiers(oneLine(block.speaker));
  return { speaker: head, qualifiers: [...qualifiers, ...(block.qualifiers ?? []).map(oneLine)] };
}

/**
 * The opener of a statement without its final punctuation: "Malta, on behalf of the European
 * Union", "Jane Doe, HRI (right of reply)". Qualifiers go last, where the parser looks for them.
 */
export function openerHead(block: Who): string {
  const { speaker, qualifiers } = whoOf(block);
  let head = speaker;
  if (block.affiliation) head += `, ${oneLine(block.affiliation)}`;
  if (block.onBehalfOf) {
    const group = oneLine(block.onBehalfOf);
    head += `, on behalf of ${takesArticle(group) ? 'the ' : ''}${group}`;
  }
  return head + qualifierSuffix(qualifiers);
}

const sameSpeaker = (a: ReturnType<typeof readOpener>, b: Who) => {
  const { speaker, qualifiers } = whoOf(b);
  return (
    a !== null &&
    a.speaker === speaker &&
    a.affiliation === (b.affiliation ? oneLine(b.affiliation) : null) &&
    a.onBehalfOf === (b.onBehalfOf ? oneLine(b.onBehalfOf) : null) &&
    a.qualifiers.join('|') === qualifiers.join('|')
  );
};

/**
 * The opener line of a statement with its first paragraph (if any) on the same line:
 * "Peru. We give ...", or "Jane Roe: We give ..." when a bare name would not read as a speaker.
 */
export function openerLine(block: Who, first: string): string {
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
