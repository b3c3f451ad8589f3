/**
 * Marks the top-level nodes around the selection (`near-selection`), so that the stylesheet can
 * let the browser skip the rendering of everything else (`content-visibility: auto`, editor/editor.css).
 * In a long record most of a keystroke's cost was the browser laying out, painting and committing a
 * page of tens of thousands of nodes (issue 17); blocks far from the caret need none of that until
 * they scroll into view. The block being typed in, and its neighbours (where Ctrl+Enter, Enter and
 * arrow keys take the caret), are never contained, so containment never toggles under the caret.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** Top-level nodes on each side of the selection's that stay fully rendered. */
export const NEAR_SELECTION_RADIUS = 3;

/** The class given to the nodes near the selection. */
export const NEAR_CLASS = 'near-selection';

interface NearState {
  /** Index of the top-level node holding the selection's head. */
  index: number;
  decorations: DecorationSet;
}

const key = new PluginKey<NearState>('nearSelection');

/** Decorations for the top-level nodes within the radius of `index`. */
export function nearDecorations(doc: PMNode, index: number, radius = NEAR_SELECTION_RADIUS): DecorationSet {
  const decorations: Decoration[] = [];
  const from = Math.max(0, index - radius);
  const to = Math.min(doc.childCount - 1, index + radius);
  let pos = 0;
  for (let i = 0; i <= to; i++) {
    const child = doc.child(i);
    if (i >= from) decorations.push(Decoration.node(pos, pos + child.nodeSize, { class: NEAR_CLASS }));
    pos += child.nodeSize;
  }
  return DecorationSet.create(doc, decorations);
}

function compute(state: EditorState): NearState {
  const index = state.selection.$head.index(0);
  return { index, decorations: nearDecorations(state.doc, index) };
}

/**
 * The plugin: keeps the near-selection decorations as the selection and the record change. On a
 * change to the record they are worked out again (a walk over the top-level nodes up to the
 * selection's, microseconds at 1,000 blocks), not mapped: y-tiptap applies a remote change by
 * replacing a range of the document with new nodes (3.0.9: all of it), which maps the node
 * decorations in that range away. The block being typed in then lost its mark, the stylesheet contained it under the caret, and Chromium put the
 * next typed character into the next block (issue 13: a note-taker's first keystrokes after
 * another's change landed in the other's block, or were lost).
 */
export function nearSelectionPlugin(): Plugin<NearState> {
  return new Plugin<NearState>({
    key,
    state: {
      init: (_config, state) => compute(state),
      apply: (tr, previous, _old, state) => {
        // moving the caret inside the same block changes nothing near it
        if (!tr.docChanged && state.selection.$head.index(0) === previous.index) return previous;
        return compute(state);
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations ?? null,
    },
  });
}

/** The extension of the plugin above. */
export const NearSelection = Extension.create({
  name: 'nearSelection',
  addProseMirrorPlugins() {
    return [nearSelectionPlugin()];
  },
});
