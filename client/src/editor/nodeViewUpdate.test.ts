import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { blockUpdate } from './nodeViewUpdate.ts';

const speakerBlock = recordSchema.nodes.speakerBlock!;
const paragraph = recordSchema.nodes.paragraph!;
const block = (id: string, speaker: string, text: string) =>
  speakerBlock.create({ id, speaker }, paragraph.create(null, recordSchema.text(text)));

describe('blockUpdate', () => {
  it('keeps the header as it is while only the statement changes', () => {
    expect(blockUpdate(block('b1', 'Malta', 'On behalf'), block('b1', 'Malta', 'On behalf of the EU'))).toBe('keep');
  });

  it('renders the header again when an attribute changes', () => {
    expect(blockUpdate(block('b1', 'Malta', 'x'), block('b1', 'Peru', 'x'))).toBe('render');
  });

  it("refuses another block, so a view never shows (or writes) another block's header", () => {
    expect(blockUpdate(block('ana', 'Malta', 'x'), block('ben', 'Malta', 'x'))).toBe('refuse');
  });

  it('refuses a node of another type, so ProseMirror redraws it', () => {
    expect(blockUpdate(block('b1', 'Malta', 'x'), paragraph.create())).toBe('refuse');
  });
});
