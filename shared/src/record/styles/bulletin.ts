/**
 * The negotiation-bulletin style: delegations in capitals at the start of a paragraph, the group
 * they speak for after a comma, the verb kept ("MEXICO, for GRULAC, called for …"), headings in
 * capitals. A reader keeps the capitals as the record writes them (the registry gives the
 * canonical name beside).
 */
import { oneLine } from '../format.ts';
import { structureOf } from '../structure.ts';
import type { ParsedRecord } from '../types.ts';
import type { HouseStyle } from './types.ts';

/** Render a record as a bulletin. */
export function renderBulletin(record: ParsedRecord): string {
  const out: string[] = [oneLine(record.title)];
  for (const section of record.sections) {
    if (section.heading !== null) out.push(section.heading.toUpperCase());
    for (const block of section.blocks) {
      const [first, ...rest] = block.paragraphs.map(oneLine);
      const group = block.onBehalfOf ? `, for ${block.onBehalfOf},` : '';
      out.push(`${block.speaker.toUpperCase()}${group} ${first ?? ''}`.trim(), ...rest);
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The bulletin style. */
export const bulletinStyle: HouseStyle = {
  name: 'negotiation bulletin (delegations in capitals)',
  shape: { speech: 'bulletin', persons: false, qualifiers: [], lists: false, headings: 'capitals', leadingText: false },
  render: renderBulletin,
  readsBackAs: (record) => {
    const s = structureOf(record);
    return {
      ...s,
      sections: s.sections.map((sec) => ({
        heading: sec.heading?.toUpperCase() ?? null,
        blocks: sec.blocks.map((b) => ({ ...b, speaker: b.speaker.toUpperCase() })),
      })),
    };
  },
};
