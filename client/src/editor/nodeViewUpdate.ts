/**
 * What a speaker block's node view does with a new version of its node. The header shows only
 * the block's attributes, so it is rebuilt when they change and not when the statement does (a
 * keystroke in the statement must not cost a header render, issue 17). And a view stays with its
 * block: y-tiptap replaces the range a remote change touched with new nodes, and ProseMirror,
 * matching views there by position, would otherwise hand your view (and the speaker field you type in) to a block
 * inserted above yours (issue 13, see blockIdentity.ts). A block's id never changes.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

/** Attributes of two versions of a node are the same (values are strings or null). */
export function sameAttrs(a: PMNode, b: PMNode): boolean {
  if (a.attrs === b.attrs) return true;
  const keys = Object.keys(a.attrs);
  if (keys.length !== Object.keys(b.attrs).length) return false;
  return keys.every((k) => a.attrs[k] === b.attrs[k]);
}

/**
 * `refuse`: another node or another block (ProseMirror makes it a view of its own); `keep`: the
 * same header (only the statement changed); `render`: the header's attributes changed.
 */
export type BlockUpdate = 'refuse' | 'keep' | 'render';

/** What the view of block `current` does with `next`. */
export function blockUpdate(current: PMNode, next: PMNode): BlockUpdate {
  if (next.type !== current.type || next.attrs.id !== current.attrs.id) return 'refuse';
  return sameAttrs(current, next) ? 'keep' : 'render';
}
