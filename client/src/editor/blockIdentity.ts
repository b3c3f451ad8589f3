/**
 * Keeps each speaker block's node view (its header inputs, which may hold the focus) bound to
 * that block for as long as the block lives.
 *
 * y-prosemirror rebuilds every ProseMirror node on each remote change, so ProseMirror cannot
 * match old and new blocks by identity and reuses views by position: when another note-taker's
 * block is inserted above yours, your view (and the speaker field you are typing in) was handed
 * to their block, and your keystrokes went into their header (issue 13: "ZannZben"). Two guards:
 * a view refuses to be updated to a block with another id (nodeViewUpdate.ts), and each block carries a node
 * decoration naming its id, so ProseMirror will not recreate a view around another block's
 * content either (it only does that when decorations match). A new view is made for the new
 * block, and yours stays with yours.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One node decoration per top-level speaker block, naming the block's id in its spec. */
function identityDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'speakerBlock') {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { blockId: node.attrs.id }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

const key = new PluginKey<DecorationSet>('blockIdentity');

/** The extension carrying the identity decorations (see the module comment). */
export const BlockIdentity = Extension.create({
  name: 'blockIdentity',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => identityDecorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? identityDecorations(tr.doc) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
