/**
 * The plain-text style of the published CND records and of our text export: "Peru. We give …",
 * "Alexis Fishincker, UNODC. …", "Chair: …" where a bare name would not read as a speaker,
 * bullets as "  • item", headings on their own line. `parseText(renderPlain(r))` gives back `r`.
 */
import { bulletLines, headingLine, openerLine } from '../format.ts';
import { parseText } from '../parseText.ts';
import { structureOf } from '../structure.ts';
import type { ParsedRecord } from '../types.ts';
import type { HouseStyle } from './types.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The title line: the title itself, or the breadcrumb form when it would not read as a title. */
export function titleLine(title: string): string {
  const t = oneLine(title);
  return parseText(t).title === t ? t : `Home » ${t}`;
}

/** Render a record in the plain style; `trailer` lines (already formatted) end it. */
export function renderPlain(record: ParsedRecord, trailer: readonly string[] = []): string {
  const out: string[] = [titleLine(record.title)];
  for (const section of record.sections) {
    if (section.heading !== null) out.push(headingLine(section.heading));
    for (const block of section.blocks) {
      const paragraphs = block.paragraphs.map((p) => (p.includes('\n') ? bulletLines(p) : oneLine(p))).filter(Boolean);
      if (block.speaker === '') {
        out.push(...paragraphs);
        continue;
      }
      const firstIsText = block.paragraphs[0] !== undefined && !block.paragraphs[0].includes('\n');
      if (firstIsText) out.push(openerLine(block, paragraphs[0]!), ...paragraphs.slice(1));
      else out.push(openerLine(block, ''), ...paragraphs);
    }
  }
  out.push(...trailer);
  return `${out.join('\n\n')}\n`;
}

/** The plain style (the text export's). */
export const plainStyle: HouseStyle = {
  name: 'plain (period openers, as the text export writes)',
  shape: {
    speech: 'direct',
    persons: true,
    qualifiers: ['right of reply', 'spoke in Spanish', 'continued', 'Observer', 'Secretariat'],
    lists: true,
    headings: 'any',
    leadingText: true,
  },
  render: (record) => renderPlain(record),
  readsBackAs: structureOf,
};
