/**
 * When a speaker block's React header renders again. By default a React node view renders on
 * every change of its node, i.e. on every keystroke typed in the statement below the header; and
 * every React commit while the editor has the focus makes React save and restore the selection by
 * walking every text node of the editable (react-dom's getSelectionInformation), so in a long
 * record each key cost time in proportion to the whole record (issue 17). The header shows only
 * the block's attributes, so it renders when they change and not when the statement does.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

/** Attributes of two versions of a node are the same (values are strings or null). */
export function sameAttrs(a: PMNode, b: PMNode): boolean {
  if (a.attrs === b.attrs) return true;
  const keys = Object.keys(a.attrs);
  if (keys.length !== Object.keys(b.attrs).length) return false;
  return keys.every((k) => a.attrs[k] === b.attrs[k]);
}

/** Tiptap's node-view `update` option: accept every update, re-render only on a header change. */
export function renderOnlyOnHeaderChange({
  oldNode,
  newNode,
  updateProps,
}: {
  oldNode: PMNode;
  newNode: PMNode;
  updateProps: () => void;
}): boolean {
  if (oldNode.type !== newNode.type) return false;
  if (!sameAttrs(oldNode, newNode)) updateProps();
  return true;
}

/**
 * Tiptap's node-view `stopEvent` option: ProseMirror handles the events of the statement (the
 * node view's content) and leaves every other event of the block to its header and prompts (their
 * fields and buttons, and the click on a plain header that opens its fields). Without it, a click
 * on a plain header made ProseMirror select the whole block. Speaker blocks are top-level, so the
 * nearest content element above the target, if any, is this block's statement or one inside it.
 */
export function outsideContentOnly({ event }: { event: Event }): boolean {
  return event.target instanceof Element && event.target.closest('[data-node-view-content]') === null;
}
