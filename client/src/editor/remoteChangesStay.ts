/**
 * Another note-taker's change never scrolls this page. y-tiptap asks ProseMirror to scroll the
 * selection into view after every remote change while the local caret is on screen, so that text
 * inserted above it does not push it away; the browser's scroll anchoring already keeps what is on
 * screen in place, and asking again costs a forced layout of the page on every remote keystroke
 * (issue 17: about a tenth of the page's work while five others type into a 1,000-block record).
 * Local changes and local undo/redo (which y-tiptap also marks as its own) still scroll.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const key = new PluginKey<boolean>('remoteChangesStay');

/** Whether `tr` applies another client's change (not this page's undo or redo). */
function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
}

/** The plugin: remembers whether the last update came from elsewhere, and then does not scroll. */
export function remoteChangesStayPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key,
    state: {
      init: () => false,
      // transactions other plugins append to a remote change belong to it
      apply: (tr, wasRemote) => (tr.getMeta('appendedTransaction') ? wasRemote || isRemote(tr) : isRemote(tr)),
    },
    props: {
      // true: handled (by not scrolling)
      handleScrollToSelection: (view) => key.getState(view.state) === true,
    },
  });
}

/** The extension of the plugin above. */
export const RemoteChangesStay = Extension.create({
  name: 'remoteChangesStay',
  addProseMirrorPlugins() {
    return [remoteChangesStayPlugin()];
  },
});
