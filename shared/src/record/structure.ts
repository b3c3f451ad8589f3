/**
 * The structure of a record without the reader's notes (confidence, reason, kind, warnings):
 * what two readings of the same record must agree on, and what a corrected preview sends back.
 */
import { splitQualifiers } from './qualifiers.ts';
import type { ParsedBlock, ParsedRecord } from './types.ts';

/** A block's structure: who spoke, with what qualifiers, and the paragraphs. */
export function blockStructure(b: ParsedBlock): Required<Omit<ParsedBlock, 'kind'>> {
  // a qualifier still written into the name ("Brazil (right of reply)") is a qualifier all the same
  const { head, qualifiers } = splitQualifiers(b.speaker);
  return {
    speaker: head,
    affiliation: b.affiliation,
    onBehalfOf: b.onBehalfOf,
    paragraphs: [...b.paragraphs],
    qualifiers: [...qualifiers, ...(b.qualifiers ?? [])],
  };
}

/** A record's structure: title, sections and blocks, nothing the reader added. */
export function structureOf(record: ParsedRecord): ParsedRecord {
  return {
    title: record.title,
    sections: record.sections.map((s) => ({ heading: s.heading, blocks: s.blocks.map(blockStructure) })),
  };
}
