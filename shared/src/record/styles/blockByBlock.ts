/**
 * The walk shared by the styles that write a record one block after another in direct speech
 * (plain, colon): the title line, each section's heading on its own line, a block of nobody as its
 * paragraphs, a speaker's block as the style opens it; every paragraph on one line (a list's items
 * one a line), paragraphs apart by a blank line. What differs between the styles is in `BlockLines`.
 */
import { headingLine, oneLine } from '../format.ts';
import type { ParsedBlock, ParsedRecord } from '../types.ts';
import type { StyleShape } from './types.ts';

/** What a style writes its own way. */
export interface BlockLines {
  /** The record's title line. */
  title(title: string): string;
  /** A list paragraph (its items one a line) as the style writes lists. */
  list(paragraph: string): string;
  /** A speaker's block: its opener and its paragraphs (each already on its line(s), none empty). */
  statement(block: ParsedBlock, paragraphs: readonly string[]): string[];
}

/** Render `record` block by block in the style `lines` describes; `trailer` lines end it. */
export function renderBlockByBlock(record: ParsedRecord, lines: BlockLines, trailer: readonly string[] = []): string {
  const out: string[] = [lines.title(record.title)];
  for (const section of record.sections) {
    if (section.heading !== null) out.push(headingLine(section.heading));
    for (const block of section.blocks) {
      const paragraphs = block.paragraphs.map((p) => (p.includes('\n') ? lines.list(p) : oneLine(p))).filter(Boolean);
      if (block.speaker === '') out.push(...paragraphs);
      else out.push(...lines.statement(block, paragraphs));
    }
  }
  out.push(...trailer);
  return `${out.join('\n\n')}\n`;
}

/** What the block-by-block styles can say (the generator of test records keeps to it). */
export const blockByBlockShape: StyleShape = {
  speech: 'direct',
  persons: true,
  qualifiers: ['right of reply', 'spoke in Spanish', 'continued', 'Observer', 'Secretariat'],
  lists: true,
  headings: 'any',
  leadingText: true,
};
