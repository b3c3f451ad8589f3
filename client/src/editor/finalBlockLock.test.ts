import { recordSchema } from '@rapporteur/shared/schema';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { changesFinalBlock } from './finalBlockLock.ts';

const { speakerBlock, paragraph, doc } = recordSchema.nodes as Required<typeof recordSchema.nodes>;
const block = (id: string, status: string, text: string) =>
  speakerBlock!.create({ id, status }, [paragraph!.create(null, recordSchema.text(text))]);
const final = block('f', 'final', 'The floor is open.');
const draft = block('d', 'draft', 'Thank you.');
const state = EditorState.create({ doc: doc!.create(null, [final, draft]) });
const inFinal = 3;
const inDraft = final.nodeSize + 3;

describe('final blocks for note-takers', () => {
  it('refuses typing, deleting and attribute changes inside a final block', () => {
    expect(changesFinalBlock(state.tr.insertText('x', inFinal))).toBe(true);
    expect(changesFinalBlock(state.tr.delete(inFinal, inFinal + 2))).toBe(true);
    expect(changesFinalBlock(state.tr.setNodeAttribute(0, 'speaker', 'Mallory'))).toBe(true);
    expect(changesFinalBlock(state.tr.delete(0, final.nodeSize))).toBe(true);
    // a selection from the draft back into the final block
    expect(changesFinalBlock(state.tr.delete(inFinal, inDraft))).toBe(true);
  });

  it('lets everything else through, including a new block right after the final one', () => {
    expect(changesFinalBlock(state.tr.insertText('x', inDraft))).toBe(false);
    expect(changesFinalBlock(state.tr.setNodeAttribute(final.nodeSize, 'speaker', 'Peru'))).toBe(false);
    expect(changesFinalBlock(state.tr.insert(final.nodeSize, block('n', 'draft', 'New')))).toBe(false);
  });
});
