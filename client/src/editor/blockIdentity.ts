/**
 * Keeps each speaker block's node view (its header inputs, which may hold the focus, and the
 * statement holding the caret) bound to that block for as long as the block lives.
 *
 * y-tiptap applies a remote change by replacing the changed range of the document with new nodes
 * (3.0.9 replaced all of it), and ProseMirror matches old and new blocks in that range by
 * position: when another note-taker's block was inserted above yours, your view was handed to
 * their block and your keystrokes went into their header (issue 13: "ZannZben"). Two guards: a view refuses to be updated to a block with another id
 * (nodeViewUpdate.ts); and ProseMirror may still build a new view around the old view's content
 * DOM (and the caret in it) when the two blocks' contents are equal and their decorations match,
 * so each block whose content may equal another block's carries a node decoration naming its id.
 *
 * Only those blocks: a node decoration on every block (the first version) made each update of the
 * page walk every block's decorations for every block, quadratic in the record's length (issue
 * 17: about a third of a keystroke's script time at 1,000 blocks). Equal contents have equal
 * size, paragraphs and text, so a block whose (size, paragraphs, text at both ends) no other block
 * has needs no decoration; in practice the decorated ones are the empty new statements.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** Content keys by node: unchanged blocks keep their node across transactions, so each is keyed once. */
const contentKeys = new WeakMap<PMNode, string>();

/** Characters taken from each end of a statement for its key. */
const KEY_EDGE = 48;

/**
 * A key equal for blocks of equal content (and, rarely, for some that differ: harmless): size,
 * paragraphs, and the text at both ends. Not a hash of the whole text: opening a 1,000-block
 * record would read every character once more (about 5% of the opening's one long task).
 */
export function contentKey(block: PMNode): string {
  let key = contentKeys.get(block);
  if (key === undefined) {
    const size = block.content.size;
    const head = block.textBetween(0, Math.min(size, KEY_EDGE), '\n');
    const tail = block.textBetween(Math.max(0, size - KEY_EDGE), size, '\n');
    key = `${size}:${block.childCount}:${head}\u0000${tail}`;
    contentKeys.set(block, key);
  }
  return key;
}

/** Node decorations naming the id of each top-level speaker block whose content key is shared. */
export function identityDecorations(doc: PMNode): DecorationSet {
  const seen = new Map<string, number>();
  doc.forEach((node) => {
    if (node.type.name === 'speakerBlock') {
      const key = contentKey(node);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  });
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'speakerBlock' && (seen.get(contentKey(node)) ?? 0) > 1) {
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
