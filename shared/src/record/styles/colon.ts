/**
 * The colon style of note-takers' minutes: "Name, Affiliation: statement", the statement on the
 * same line or on the next, honorifics as written ("H.E. Ambassador Ruiz, Chile:"), lists with
 * dashes, headings on their own line.
 */
import { headingLine, openerHead } from '../format.ts';
import { structureOf } from '../structure.ts';
import type { ParsedRecord } from '../types.ts';
import type { HouseStyle } from './types.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const list = (p: string) =>
  p
    .split('\n')
    .map((i) => `- ${oneLine(i)}`)
    .join('\n');

/** Render a record in the colon style; `rand` decides where each statement starts. */
export function renderColon(record: ParsedRecord, rand: () => number = () => 0): string {
  const out: string[] = [oneLine(record.title)];
  for (const section of record.sections) {
    if (section.heading !== null) out.push(headingLine(section.heading));
    for (const block of section.blocks) {
      const paragraphs = block.paragraphs.map((p) => (p.includes('\n') ? list(p) : oneLine(p)));
      if (block.speaker === '') {
        out.push(...paragraphs);
        continue;
      }
      const head = `${openerHead(block)}:`;
      const [first, ...rest] = paragraphs;
      const r = rand();
      if (first === undefined) out.push(head);
      // the statement on the same line, on the next line, or after a blank line
      else if (r < 0.4 && !first.startsWith('- ')) out.push(`${head} ${first}`);
      else if (r < 0.7) out.push(`${head}\n${first}`);
      else out.push(head, first);
      out.push(...rest);
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The colon style. */
export const colonStyle: HouseStyle = {
  name: 'colon openers, statement on the same or the next line',
  shape: {
    speech: 'direct',
    persons: true,
    qualifiers: ['right of reply', 'spoke in Spanish', 'continued', 'Observer', 'Secretariat'],
    lists: true,
    headings: 'any',
    leadingText: true,
  },
  render: renderColon,
  readsBackAs: structureOf,
};
