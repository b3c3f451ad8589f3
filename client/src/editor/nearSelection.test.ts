import { recordSchema } from '@rapporteur/shared/schema';
import { Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { nearDecorations, nearSelectionPlugin } from './nearSelection.ts';

const schema = recordSchema;
const doc = (blocks: number) =>
  schema.nodes.doc!.create(
    null,
    Array.from({ length: blocks }, (_, i) =>
      schema.nodes.speakerBlock!.create({ id: `b${i}` }, schema.nodes.paragraph!.create(null, schema.text(`s${i}`))),
    ),
  );

/** Indexes of the top-level nodes the decorations mark. */
function marked(d: ReturnType<typeof doc>, index: number, radius: number): number[] {
  return markedBy(d, nearDecorations(d, index, radius));
}

function markedBy(d: ReturnType<typeof doc>, set: DecorationSet): number[] {
  const out: number[] = [];
  let pos = 0;
  d.forEach((child, _offset, i) => {
    if (set.find(pos, pos + child.nodeSize).some((x) => x.from === pos && x.to === pos + child.nodeSize)) out.push(i);
    pos += child.nodeSize;
  });
  return out;
}

describe('nearDecorations', () => {
  it('marks the node holding the selection and its neighbours within the radius', () => {
    expect(marked(doc(20), 10, 2)).toEqual([8, 9, 10, 11, 12]);
  });

  it('stops at both ends of the record', () => {
    expect(marked(doc(5), 0, 3)).toEqual([0, 1, 2, 3]);
    expect(marked(doc(5), 4, 3)).toEqual([1, 2, 3, 4]);
  });
});

describe('nearSelectionPlugin', () => {
  const plugin = nearSelectionPlugin();
  /** A state over 20 blocks with the caret at the end of block 10's statement. */
  const stateAt10 = () => {
    const d = doc(20);
    let pos = 0;
    for (let i = 0; i < 10; i++) pos += d.child(i).nodeSize;
    const state = EditorState.create({ doc: d, plugins: [plugin] });
    return state.apply(state.tr.setSelection(TextSelection.create(d, pos + 5)));
  };
  const decorations = (state: EditorState) => plugin.props.decorations!.call(plugin, state) as DecorationSet;

  it('keeps the block under the caret marked when a remote change replaces the whole record', () => {
    const state = stateAt10();
    expect(markedBy(state.doc, decorations(state))).toEqual([7, 8, 9, 10, 11, 12, 13]);
    // y-prosemirror applies a remote change as one replacement of everything (here: block 15's
    // statement changed), then puts the selection back where it was
    const changed = state.doc.replace(
      0,
      state.doc.content.size,
      new Slice(
        state.doc.content.replaceChild(
          15,
          schema.nodes.speakerBlock!.create({ id: 'b15' }, schema.nodes.paragraph!.create(null, schema.text('s15!'))),
        ),
        0,
        0,
      ),
    );
    const tr = state.tr.replace(0, state.doc.content.size, new Slice(changed.content, 0, 0));
    tr.setSelection(TextSelection.create(tr.doc, state.selection.from));
    const next = state.apply(tr);
    expect(next.selection.$head.index(0)).toBe(10);
    expect(markedBy(next.doc, decorations(next))).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });

  it('moves the marks with the caret', () => {
    const state = stateAt10();
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)));
    expect(markedBy(next.doc, decorations(next))).toEqual([0, 1, 2, 3]);
  });
});
