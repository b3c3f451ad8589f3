/**
 * The plain-text style of the published CND records and of our text export: "Peru. We give …",
 * "Alexis Fishincker, UNODC. …", "Chair: …" where a bare name would not read as a speaker,
 * bullets as "  • item", headings on their own line. `parseText(renderPlain(r))` gives back `r`.
 */
import { bulletLines, oneLine, openerLine } from '../format.ts';
import { parseText } from '../parseText.ts';
import { structureOf } from '../structure.ts';
import type { ParsedRecord } from '../types.ts';
import { type BlockLines, blockByBlockShape, renderBlockByBlock } from './blockByBlock.ts';
import type { HouseStyle } from './types.ts';

/** The title line: the title itself, or the breadcrumb form when it would not read as a title. */
export function titleLine(title: string): string {
  const t = oneLine(title);
  return parseText(t).title === t ? t : `Home » ${t}`;
}

const plainLines: BlockLines = {
  title: titleLine,
  list: bulletLines,
  statement(block, paragraphs) {
    // the opener takes the first paragraph on its line, unless that paragraph is a list
    const firstIsText = block.paragraphs[0] !== undefined && !block.paragraphs[0].includes('\n');
    const [first, ...rest] = paragraphs;
    if (firstIsText && first !== undefined) return [openerLine(block, first), ...rest];
    return [openerLine(block, ''), ...paragraphs];
  },
};

/** Render a record in the plain style; `trailer` lines (already formatted) end it. */
export function renderPlain(record: ParsedRecord, trailer: readonly string[] = []): string {
  return renderBlockByBlock(record, plainLines, trailer);
}

/** The plain style (the text export's). */
export const plainStyle: HouseStyle = {
  name: 'plain (period openers, as the text export writes)',
  shape: blockByBlockShape,
  render: (record) => renderPlain(record),
  readsBackAs: structureOf,
};
