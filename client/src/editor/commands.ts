/**
 * Editing actions of the record, shared by the keyboard map, the toolbar and the node view.
 * New blocks go after the top-level block holding the cursor (or at the end), never inside
 * another speaker's statement; "next speaker" follows the hand-off rules of
 * shared/src/cockpit/handoff.ts.
 */
import { handOffPosition, isBlankSpeakerBlock, mayReuseBlank, openerId } from '@rapporteur/shared/cockpit';
import { newBlockId, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { activeHeadersOf, focusHeaderField } from './activeHeader.ts';
import { peersOf } from './peers.ts';

export { isBlankSpeakerBlock };

/** Position just after the top-level block that holds the selection; the document end if none. */
export function afterCurrentBlock(editor: Editor): number {
  const { doc, selection } = editor.state;
  const $from = selection.$from;
  if ($from.depth >= 1) return $from.after(1);
  // a selection between or around top-level nodes (e.g. a node selection): after its end
  return Math.min(selection.to, doc.content.size);
}

/** The speaker block enclosing a position, with its position, or null. */
export function enclosingSpeakerBlock($pos: ResolvedPos): { node: PMNode; pos: number } | null {
  for (let d = $pos.depth; d >= 1; d--) {
    const node = $pos.node(d);
    if (node.type.name === 'speakerBlock') return { node, pos: $pos.before(d) };
  }
  return null;
}

/** Attributes of a speaker block that starts now, opened by `openedBy` (a client id, or ''). */
export function freshSpeakerAttrs(now: Date = new Date(), openedBy = ''): SpeakerBlockAttrs {
  return {
    id: newBlockId(),
    speaker: '',
    affiliation: '',
    onBehalfOf: '',
    kind: 'other',
    startedAt: now.toISOString(),
    status: 'draft',
    statusBy: '',
    statusAt: '',
    openedBy,
    changedBy: '',
    changedAt: '',
  };
}

/**
 * Insert a new speaker block (time = now) at `at` or after the current block, opened by this page
 * and claimed by it, and have its speaker field take the cursor as soon as it is on screen.
 */
export function insertSpeakerBlock(editor: Editor, at: number = afterCurrentBlock(editor)): string {
  const peers = peersOf(editor);
  const attrs = freshSpeakerAttrs(new Date(), openerId(peers.self));
  activeHeadersOf(editor).open(attrs.id, 'speaker');
  editor
    .chain()
    .insertContentAt(at, { type: 'speakerBlock', attrs, content: [{ type: 'paragraph' }] }, { updateSelection: false })
    .scrollIntoView()
    .run();
  peers.claim(attrs.id);
  return attrs.id;
}

/**
 * Where an agenda item goes relative to the block at `blockPos`: after it, except before a
 * blank speaker block, so "heading, then first speaker" works from the block an empty session
 * opens with, or right after Ctrl+Enter.
 */
export function agendaItemPosition(node: PMNode, blockPos: number): number {
  return isBlankSpeakerBlock(node) ? blockPos : blockPos + node.nodeSize;
}

/** The agenda item position for the block holding the selection (the document end if none). */
export function agendaItemHere(editor: Editor): number {
  const { $from } = editor.state.selection;
  return $from.depth >= 1 ? agendaItemPosition($from.node(1), $from.before(1)) : afterCurrentBlock(editor);
}

/** Insert an agenda item heading at `at` and put the cursor in it. */
export function insertAgendaItem(editor: Editor, at: number = agendaItemHere(editor)): void {
  const { state, view } = editor;
  const item = state.schema.nodes.agendaItem!.create({ id: newBlockId() });
  const tr = state.tr.insert(at, item);
  tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
  view.dispatch(tr);
  view.focus();
}

/** Move the cursor to the end of the body of the speaker block at `blockPos`. */
export function focusBlockBody(editor: Editor, blockPos: number): void {
  const { state, view } = editor;
  const block = state.doc.nodeAt(blockPos);
  if (!block) return;
  const inside = state.doc.resolve(blockPos + block.nodeSize - 1);
  // set the selection ourselves: tiptap's focus() without a position restores the old one
  view.dispatch(state.tr.setSelection(TextSelection.near(inside, -1)).scrollIntoView());
  view.focus();
}

/**
 * Put the cursor in a field of a speaker block's header (by default its last, the way back from
 * its body). The header turns into form controls if it was plain text (see activeHeader.ts).
 */
export function focusBlockHeader(editor: Editor, blockPos: number, field: 'last' | 'speaker' = 'last'): boolean {
  const block = editor.state.doc.nodeAt(blockPos);
  if (block?.type.name !== 'speakerBlock') return false;
  focusHeaderField(editor, String(block.attrs.id), field);
  return true;
}

/**
 * The "next speaker" key (Ctrl/Cmd+Enter) or button, from inside `block` (by default the one
 * holding the selection; none outside blocks): a new speaker block, timed now, opened by and
 * claimed for this page, with the cursor in its speaker field. It goes after `block` and after
 * the blocks other note-takers opened just before (see handOffPosition); outside any block, after
 * the current top-level node. A blank block (nothing written in it yet, like the one an empty
 * session opens with) is used instead of leaving it behind empty, unless another note-taker who
 * is still here opened it: theirs is never reused or entered.
 */
export function startNextSpeaker(
  editor: Editor,
  block: { node: PMNode; pos: number } | null = enclosingSpeakerBlock(editor.state.selection.$from),
): void {
  const peers = peersOf(editor);
  if (block && mayReuseBlank(block.node, peers.self, peers.present())) {
    const tr = editor.state.tr
      .setNodeAttribute(block.pos, 'startedAt', new Date().toISOString())
      .setNodeAttribute(block.pos, 'openedBy', openerId(peers.self));
    editor.view.dispatch(tr);
    peers.claim(String(block.node.attrs.id));
    if (focusBlockHeader(editor, block.pos, 'speaker')) return;
  }
  const at = block ? handOffPosition(editor.state.doc, block.pos, peers.self) : afterCurrentBlock(editor);
  insertSpeakerBlock(editor, at);
}
