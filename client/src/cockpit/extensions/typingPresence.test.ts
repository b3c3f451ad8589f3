import { recordSchema } from '@rapporteur/shared/schema';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { changedBlockId } from './typingPresence.ts';

const { speakerBlock, paragraph, doc } = recordSchema.nodes as Required<typeof recordSchema.nodes>;
const block = (id: string, status: string, text: string) =>
  speakerBlock!.create({ id, status }, [paragraph!.create(null, recordSchema.text(text))]);
const final = block('f', 'final', 'The floor is open.');
const draft = block('d', 'draft', 'Thank you.');
const state = EditorState.create({ doc: doc!.create(null, [final, draft]) });
const inDraft = final.nodeSize + 3;

describe('typing presence', () => {
  it('names the block a local change is in, for the typing announcement', () => {
    expect(changedBlockId(state.tr.insertText('x', inDraft))).toBe('d');
    expect(changedBlockId(state.tr.setNodeAttribute(final.nodeSize, 'speaker', 'Peru'))).toBeNull(); // not typing
    expect(changedBlockId(state.tr.setSelection(state.selection))).toBeNull();
  });
});
