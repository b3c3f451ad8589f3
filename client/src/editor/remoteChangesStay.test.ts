import { recordSchema } from '@rapporteur/shared/schema';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { remoteChangesStayPlugin } from './remoteChangesStay.ts';

const schema = recordSchema;
const plugin = remoteChangesStayPlugin();
const start = () =>
  EditorState.create({
    doc: schema.nodes.doc!.create(null, [
      schema.nodes.speakerBlock!.create({ id: 'b1' }, schema.nodes.paragraph!.create(null, schema.text('Hello'))),
    ]),
    plugins: [plugin],
  });
/** Whether the plugin stops the scroll ProseMirror would do after reaching `state`. */
const stopsScroll = (state: EditorState) =>
  plugin.props.handleScrollToSelection!.call(plugin, { state } as unknown as EditorView) === true;
const typed = (state: EditorState) => state.tr.insertText('!', 3).scrollIntoView();
const fromYjs = (tr: Transaction, undo = false) =>
  tr.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: undo });

describe('remote changes and scrolling', () => {
  it('another client’s change does not scroll; a local one, or a local undo, does', () => {
    let state = start();
    state = state.apply(fromYjs(typed(state)));
    expect(stopsScroll(state)).toBe(true);
    state = state.apply(typed(state));
    expect(stopsScroll(state)).toBe(false);
    state = state.apply(fromYjs(typed(state), true));
    expect(stopsScroll(state)).toBe(false);
  });

  it('a transaction a plugin appends to a remote change belongs to it', () => {
    let state = start();
    state = state.apply(fromYjs(typed(state)));
    state = state.apply(state.tr.setMeta('appendedTransaction', {}).insertText('?', 2));
    expect(stopsScroll(state)).toBe(true);
  });
});
