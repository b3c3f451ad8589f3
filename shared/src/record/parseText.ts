/**
 * Parse a plain-text meeting record (the convention of published CND records such as
 * shared/fixtures/cnd-intersessional-2017-01-24.txt) into title, sections and speaker blocks.
 * A paragraph without an opener continues the statement before it; text before the first
 * speaker is kept in a block whose speaker is '' rather than dropped.
 */
import {
  isCommentFormStart,
  isFurniture,
  readBreadcrumbTitle,
  readCapsHeading,
  readExplicitHeading,
} from './furniture.ts';
import { normaliseText, toUnits } from './lines.ts';
import { readOpener } from './opener.ts';
import type { ParsedBlock, ParsedRecord, ParsedSection } from './types.ts';

/** The title used when a text has no title line. */
export const UNTITLED = 'Untitled record';

const comparable = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether a line must start its own paragraph even without a blank line before it. */
function startsUnit(line: string): boolean {
  return (
    readOpener(line) !== null ||
    readExplicitHeading(line) !== null ||
    readCapsHeading(line) !== null ||
    readBreadcrumbTitle(line) !== null ||
    isFurniture(line) ||
    isCommentFormStart(line)
  );
}

/** Parse a plain-text record. Never throws; unrecognised text ends up as paragraphs. */
export function parseText(raw: string): ParsedRecord {
  const units = toUnits(normaliseText(raw), startsUnit);
  let title: string | null = null;
  const sections: ParsedSection[] = [];
  let section: ParsedSection | null = null;
  let block: ParsedBlock | null = null;
  let sawContent = false;

  const currentSection = (): ParsedSection => {
    if (!section) {
      section = { heading: null, blocks: [] };
      sections.push(section);
    }
    return section;
  };
  const startBlock = (b: Omit<ParsedBlock, 'paragraphs'>): ParsedBlock => {
    block = { ...b, paragraphs: [] };
    currentSection().blocks.push(block);
    sawContent = true;
    return block;
  };
  const addParagraph = (text: string) => {
    (block ?? startBlock({ speaker: '', affiliation: null, onBehalfOf: null })).paragraphs.push(text);
    sawContent = true;
  };

  for (const unit of units) {
    if (unit.type === 'list') {
      addParagraph(unit.items.join('\n'));
      continue;
    }
    const line = unit.text;
    if (isCommentFormStart(line)) break;
    if (isFurniture(line)) continue;
    const crumb = readBreadcrumbTitle(line);
    if (crumb) {
      title ??= crumb;
      continue;
    }
    // web pages repeat the breadcrumb's title as the page heading
    if (!sawContent && title !== null && comparable(line) === comparable(title)) continue;

    const explicit = readExplicitHeading(line);
    const opener = explicit ? null : readOpener(line);
    if (title === null && !sawContent && !opener) {
      title = explicit ?? line;
      continue;
    }
    const heading = explicit ?? (opener ? null : readCapsHeading(line));
    if (heading) {
      section = { heading, blocks: [] };
      sections.push(section);
      block = null;
      sawContent = true;
      continue;
    }
    if (opener) {
      const { rest, ...who } = opener;
      const b = startBlock(who);
      if (rest) b.paragraphs.push(rest);
      continue;
    }
    addParagraph(line);
  }
  return { title: title ?? UNTITLED, sections };
}
