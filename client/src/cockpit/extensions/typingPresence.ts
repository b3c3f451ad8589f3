/**
 * Tell the others which block this page's user is typing in (issue 13, item 2): after each local
 * change to a block's text, the block it changed is announced in awareness, at most every
 * TYPING_PING_MS for the same block. Only text counts (replace steps): header fields and the
 * review status are attributes, where two people's edits never interleave (the last one wins),
 * and an editor checking a block is not typing in it.
 */
import { setTyping, TYPING_PING_MS } from '@rapporteur/shared/cockpit';
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { Awareness } from 'y-protocols/awareness';

/** Id of the top-level speaker block a local transaction changed, or null. */
export function changedBlockId(tr: Transaction): string | null {
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep)) return null;
  let pos: number | null = null;
  step.getMap().forEach((_from, _to, newFrom) => {
    pos ??= newFrom;
  });
  if (pos === null) return null;
  // the document after the first step (positions of later steps would need mapping)
  const doc = tr.docs[1] ?? tr.doc;
  const $pos = doc.resolve(Math.min(pos, doc.content.size));
  const node = $pos.depth >= 1 ? $pos.node(1) : doc.maybeChild($pos.index(0));
  return node?.type.name === 'speakerBlock' && typeof node.attrs.id === 'string' ? node.attrs.id : null;
}

const key = new PluginKey<string | null>('typingPresence');

/** The announcer as an editor extension over this page's awareness. */
export function typingPresence(awareness: Awareness, clock: () => number = Date.now) {
  return Extension.create({
    name: 'typingPresence',
    addProseMirrorPlugins() {
      let last = { blockId: '', at: 0 };
      return [
        new Plugin<string | null>({
          key,
          state: {
            init: () => null,
            apply: (tr) => (tr.docChanged && !isChangeOrigin(tr) ? changedBlockId(tr) : null),
          },
          view: () => ({
            update(view) {
              const blockId = key.getState(view.state);
              const now = clock();
              if (!blockId || (blockId === last.blockId && now - last.at < TYPING_PING_MS)) return;
              last = { blockId, at: now };
              setTyping(awareness, blockId, now);
            },
          }),
        }),
      ];
    },
  });
}
