/**
 * The colon style of note-takers' minutes: "Name, Affiliation: statement", the statement on the
 * same line or on the next, honorifics as written ("H.E. Ambassador Ruiz, Chile:"), lists with
 * dashes, headings on their own line.
 */
import { oneLine, openerHead } from '../format.ts';
import { structureOf } from '../structure.ts';
import type { ParsedRecord } from '../types.ts';
import { blockByBlockShape, renderBlockByBlock } from './blockByBlock.ts';
import type { HouseStyle } from './types.ts';

const dashList = (p: string) =>
  p
    .split('\n')
    .map((i) => `- ${oneLine(i)}`)
    .join('\n');

/** Render a record in the colon style; `rand` decides where each statement starts. */
export function renderColon(record: ParsedRecord, rand: () => number = () => 0): string {
  return renderBlockByBlock(record, {
    title: oneLine,
    list: dashList,
    statement(block, paragraphs) {
      const head = `${openerHead(block)}:`;
      const [first, ...rest] = paragraphs;
      const r = rand();
      if (first === undefined) return [head];
      // the statement on the same line, on the next line, or after a blank line
      if (r < 0.4 && !first.startsWith('- ')) return [`${head} ${first}`, ...rest];
      if (r < 0.7) return [`${head}\n${first}`, ...rest];
      return [head, first, ...rest];
    },
  });
}

/** The colon style. */
export const colonStyle: HouseStyle = {
  name: 'colon openers, statement on the same or the next line',
  shape: blockByBlockShape,
  render: renderColon,
  readsBackAs: structureOf,
};
