import { MAX_IMPORT_BLOCKS, MAX_IMPORT_SECTIONS, MAX_PARAGRAPH_CHARS } from '@rapporteur/shared/protocol';
import type { ParsedRecord, ParsedSection } from '@rapporteur/shared/record';
import { describe, expect, it } from 'vitest';
import { recordLimitBreach } from './recordLimits.ts';

const block = (paragraph = 'Thank you, Chair.') => ({
  speaker: 'Malta',
  affiliation: null,
  onBehalfOf: null,
  paragraphs: [paragraph],
});
const record = (sections: ParsedSection[]): ParsedRecord => ({ title: 'A record', sections });

describe('recordLimitBreach', () => {
  it('accepts a record at every limit', () => {
    const perSection = Math.floor(MAX_IMPORT_BLOCKS / 10);
    const sections = Array.from({ length: 10 }, () => ({
      heading: 'Item',
      blocks: Array.from({ length: perSection }, () => block()),
    }));
    sections[0]!.blocks[0] = block('x'.repeat(MAX_PARAGRAPH_CHARS));
    expect(recordLimitBreach(record(sections))).toBeNull();
  });

  it('names the block limit when a record has one block too many', () => {
    const breach = recordLimitBreach(
      record([{ heading: null, blocks: Array.from({ length: MAX_IMPORT_BLOCKS + 1 }, () => block()) }]),
    );
    expect(breach?.code).toBe('too_many_blocks');
    expect(breach?.message).toContain('MAX_IMPORT_BLOCKS');
  });

  it('names the section limit and the paragraph limit', () => {
    const sections = Array.from({ length: MAX_IMPORT_SECTIONS + 1 }, () => ({ heading: 'Item', blocks: [] }));
    expect(recordLimitBreach(record(sections))?.code).toBe('too_many_sections');
    const long = recordLimitBreach(record([{ heading: null, blocks: [block('x'.repeat(MAX_PARAGRAPH_CHARS + 1))] }]));
    expect(long?.code).toBe('paragraph_too_long');
    expect(long?.message).toContain('MAX_PARAGRAPH_CHARS');
  });
});
