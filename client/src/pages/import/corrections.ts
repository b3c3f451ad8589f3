/**
 * The import preview's corrections: the parsed record as a flat list of blocks a person can fix
 * (speaker, affiliation, on behalf of, section), and the corrected record that is imported. Pure,
 * so the page stays a view and the rules are tested without a browser.
 */
import { type ParsedRecord, type ReadBlock, type ReadRecord, UNCERTAIN_BELOW } from '@rapporteur/shared/record';

/** One block in the preview, with the section it is in (an index into `headings`). */
export interface DraftBlock {
  /** Position in the parse: stable while the person edits. */
  id: number;
  section: number;
  block: ReadBlock;
  /** Whether the reader was unsure of it (fixed when parsed, so a block does not jump while edited). */
  uncertain: boolean;
  edited: boolean;
}

/** The record being corrected. */
export interface Draft {
  title: string;
  headings: (string | null)[];
  blocks: DraftBlock[];
}

/** What a person may fix in a block. */
export interface BlockFix {
  speaker?: string;
  affiliation?: string;
  onBehalfOf?: string;
  section?: number;
}

/** The draft of a freshly parsed record. */
export function draftOf(record: ReadRecord): Draft {
  let id = 0;
  return {
    title: record.title,
    headings: record.sections.map((s) => s.heading),
    blocks: record.sections.flatMap((s, section) =>
      s.blocks.map((block) => ({
        id: id++,
        section,
        block,
        uncertain: block.confidence < UNCERTAIN_BELOW,
        edited: false,
      })),
    ),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The draft with one block fixed. */
export function fixBlock(draft: Draft, id: number, fix: BlockFix): Draft {
  return {
    ...draft,
    blocks: draft.blocks.map((d) => {
      if (d.id !== id) return d;
      const block: ReadBlock = { ...d.block };
      if (fix.speaker !== undefined) block.speaker = fix.speaker;
      if (fix.affiliation !== undefined) block.affiliation = orNull(fix.affiliation);
      if (fix.onBehalfOf !== undefined) block.onBehalfOf = orNull(fix.onBehalfOf);
      const section = fix.section !== undefined && draft.headings[fix.section] !== undefined ? fix.section : d.section;
      return { ...d, block, section, edited: true };
    }),
  };
}

/** Blocks the reader was unsure of, least sure first. */
export function uncertainBlocks(draft: Draft): DraftBlock[] {
  return draft.blocks.filter((d) => d.uncertain).sort((a, b) => a.block.confidence - b.block.confidence || a.id - b.id);
}

/** The corrected record to import: blocks in their sections, in the order they were read. */
export function recordOfDraft(draft: Draft): ParsedRecord {
  return {
    title: draft.title,
    sections: draft.headings
      .map((heading, i) => ({
        heading,
        blocks: draft.blocks
          .filter((d) => d.section === i)
          .map(({ block }) => ({
            speaker: block.speaker.trim(),
            affiliation: block.affiliation?.trim() || null,
            onBehalfOf: block.onBehalfOf?.trim() || null,
            qualifiers: block.qualifiers,
            paragraphs: block.paragraphs,
          })),
      }))
      // a section without a heading that lost all its blocks is nothing; a heading stays an agenda item
      .filter((s) => s.heading !== null || s.blocks.length > 0),
  };
}
