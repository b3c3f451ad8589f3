import { newBlockId } from '@rapporteur/shared/schema';
import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const BLOCKS_WITH_IDS = new Set(['speakerBlock', 'agendaItem']);

/**
 * Attributes a copy starts over with: a pasted statement has not been checked, changed since, or
 * opened by anyone (it is a new block).
 */
const REVIEW_RESET: Record<string, string> = {
  status: 'draft',
  statusBy: '',
  statusAt: '',
  openedBy: '',
  changedBy: '',
  changedAt: '',
};

function pastedAttrs(attrs: Record<string, unknown>, id: string): Record<string, unknown> {
  const next: Record<string, unknown> = { ...attrs, id };
  for (const [key, value] of Object.entries(REVIEW_RESET)) if (key in attrs) next[key] = value;
  return next;
}

/** Copy of `fragment` where every speaker block and agenda item carries a new id. */
export function withFreshIds(fragment: Fragment, makeId: () => string = newBlockId): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText || node.isLeaf) {
      nodes.push(node);
    } else {
      const content = withFreshIds(node.content, makeId);
      nodes.push(
        BLOCKS_WITH_IDS.has(node.type.name)
          ? node.type.create(pastedAttrs(node.attrs, makeId()), content, node.marks)
          : node.copy(content),
      );
    }
  });
  return Fragment.from(nodes);
}

/**
 * Block ids are stable and never reused (the projection and exports key on them), so pasted or
 * dropped blocks, being copies, get new ids; a paste never yields two blocks with one id. They
 * also start over as drafts: only editors may mark a block checked or final, and the server
 * refuses a note-taker's update that carries a review status.
 */
export const FreshIdsOnPaste = Extension.create({
  name: 'freshIdsOnPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('freshIdsOnPaste'),
        props: {
          transformPasted: (slice) => new Slice(withFreshIds(slice.content), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },
});
