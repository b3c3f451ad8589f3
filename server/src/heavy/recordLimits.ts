/**
 * The limits a parsed record must keep to be imported (named in shared/src/protocol/limits.ts).
 * Checked on the parser's output, which this treats as a black box, before any document is built:
 * building is the expensive step (~0.2 ms a block).
 */
import { MAX_IMPORT_BLOCKS, MAX_IMPORT_SECTIONS, MAX_PARAGRAPH_CHARS } from '@rapporteur/shared/protocol';
import type { ParsedRecord } from '@rapporteur/shared/record';

/** A limit the record breaks: a stable code and a message naming the limit and the count. */
export interface LimitBreach {
  code: 'too_many_blocks' | 'too_many_sections' | 'paragraph_too_long';
  message: string;
}

const n = (x: number) => x.toLocaleString('en');

/** The first limit `record` breaks, or null when it may be imported. */
export function recordLimitBreach(record: ParsedRecord): LimitBreach | null {
  if (record.sections.length > MAX_IMPORT_SECTIONS) {
    return {
      code: 'too_many_sections',
      message: `the record has ${n(record.sections.length)} sections (agenda items and headings); an import may hold at most ${n(MAX_IMPORT_SECTIONS)} (MAX_IMPORT_SECTIONS)`,
    };
  }
  let blocks = 0;
  for (const section of record.sections) blocks += section.blocks.length;
  if (blocks > MAX_IMPORT_BLOCKS) {
    return {
      code: 'too_many_blocks',
      message: `the record has ${n(blocks)} speaker blocks; an import may hold at most ${n(MAX_IMPORT_BLOCKS)} (MAX_IMPORT_BLOCKS): split it into several sessions`,
    };
  }
  for (const section of record.sections) {
    for (const block of section.blocks) {
      for (const paragraph of block.paragraphs) {
        if (paragraph.length > MAX_PARAGRAPH_CHARS) {
          return {
            code: 'paragraph_too_long',
            message: `a paragraph of ${block.speaker || 'the record'} has ${n(paragraph.length)} characters; at most ${n(MAX_PARAGRAPH_CHARS)} are allowed (MAX_PARAGRAPH_CHARS)`,
          };
        }
      }
    }
  }
  return null;
}
