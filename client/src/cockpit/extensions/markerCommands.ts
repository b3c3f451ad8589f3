/**
 * Action items and decisions from the keyboard: the line the cursor is on becomes one (or, where
 * a line cannot, such as the first paragraph of a list item or an agenda heading, a new one opens
 * just after it); the same key on an action or decision turns it back into a paragraph.
 */
import { newBlockId } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import { setBlockType } from '@tiptap/pm/commands';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { requestOwnerFocus } from './markerFocus.ts';

/** The two kinds of marker lines. */
export type MarkerType = 'actionItem' | 'decision';

function freshAttrs(type: MarkerType): { id: string } & Record<string, string> {
  return type === 'actionItem' ? { id: newBlockId(), owner: '', due: '' } : { id: newBlockId() };
}

/** Make the current line an action item or decision, or turn one back into a paragraph. */
export function toggleMarker(editor: Editor, type: MarkerType): boolean {
  const { state, view } = editor;
  const { $from } = state.selection;
  const schema = state.schema;
  if ($from.parent.type.name === type) {
    return setBlockType(schema.nodes.paragraph!)(state, view.dispatch);
  }
  const attrs = freshAttrs(type);
  if ($from.parent.type.name !== 'agendaItem' && setBlockType(schema.nodes[type]!, attrs)(state)) {
    // an action wants an owner first; a decision is only its text
    if (type === 'actionItem') requestOwnerFocus(attrs.id);
    return setBlockType(schema.nodes[type]!, attrs)(state, view.dispatch);
  }
  // after the line's own block: the paragraph inside a speaker block, or the top-level node
  let depth = $from.depth;
  while (depth > 1 && $from.node(depth - 1).type.name !== 'speakerBlock') depth--;
  const at = depth >= 1 ? $from.after(depth) : state.doc.content.size;
  const node = schema.nodes[type]!.create(attrs);
  const tr = state.tr.insert(at, node);
  tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
  if (type === 'actionItem') requestOwnerFocus(attrs.id);
  view.dispatch(tr);
  view.focus();
  return true;
}

/** Where the node with `id` (an action item or decision) stands, or null. */
export function findMarker(doc: PMNode, id: string): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if ((node.type.name === 'actionItem' || node.type.name === 'decision') && node.attrs.id === id) {
      found = { pos, node };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** Put the cursor at the end of the text of the marker at `pos`. */
export function focusMarkerText(editor: Editor, pos: number): void {
  const { state, view } = editor;
  const node = state.doc.nodeAt(pos);
  if (!node) return;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + node.nodeSize - 1)).scrollIntoView());
  view.focus();
}

/** Focus the owner field of the action item at `pos` (Shift+Tab from its text). */
export function focusOwnerField(editor: Editor, pos: number): boolean {
  const dom = editor.view.nodeDOM(pos);
  const field = dom instanceof HTMLElement ? dom.querySelector<HTMLElement>('[data-field="owner"]') : null;
  if (!field) return false;
  field.focus();
  return true;
}
