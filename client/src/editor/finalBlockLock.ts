/**
 * Final blocks are read-only for note-takers (issue 13, item 3). The server undoes any change a
 * note-taker makes to one (server/src/collab/blockGuard.ts); here the editor refuses such edits
 * before they happen, so nothing typed is shown and then taken away, and says why. Editors
 * (storage `canEdit`, set by the record editor) may change a final block or reopen it. Remote
 * changes always pass: they are the document as it is.
 */
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Storage {
    finalBlockLock: { canEdit: boolean };
  }
}

/** True when a speaker block is final. */
export function isFinalBlock(node: PMNode): boolean {
  return node.type.name === 'speakerBlock' && node.attrs.status === 'final';
}

/** True when a step range [from, to] of `doc` changes the inside of, or removes, a final block. */
function touchesFinal(doc: PMNode, from: number, to: number): boolean {
  let touched = false;
  doc.forEach((node, pos) => {
    if (touched || !isFinalBlock(node)) return;
    const end = pos + node.nodeSize;
    // an insertion exactly before or after the block leaves it alone
    touched = from === to ? from > pos && from < end : from < end && to > pos;
  });
  return touched;
}

/** True when a local transaction would change a final block. */
export function changesFinalBlock(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i]!;
    let hit = false;
    step.getMap().forEach((from, to) => {
      hit ||= touchesFinal(doc, from, to);
    });
    // attribute steps (setNodeMarkup) map no range: check the position they name
    const at = (step as { pos?: unknown }).pos;
    if (!hit && typeof at === 'number') hit = touchesFinal(doc, at, at + 1);
    return hit;
  });
}

/** The lock; `onRefused` tells the note-taker why nothing happened. */
export function finalBlockLock(onRefused: () => void) {
  return Extension.create<unknown, { canEdit: boolean }>({
    name: 'finalBlockLock',
    addStorage() {
      return { canEdit: false };
    },
    addProseMirrorPlugins() {
      const storage = this.storage;
      return [
        new Plugin({
          key: new PluginKey('finalBlockLock'),
          filterTransaction(tr) {
            if (storage.canEdit || !tr.docChanged || isChangeOrigin(tr)) return true;
            if (!changesFinalBlock(tr)) return true;
            // not from inside the filter: the notice re-renders React while ProseMirror dispatches
            setTimeout(onRefused, 0);
            return false;
          },
        }),
      ];
    },
  });
}
