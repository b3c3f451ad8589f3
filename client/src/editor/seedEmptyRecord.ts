/**
 * An empty session opens with one speaker block ready to type. Only once the document is known
 * to be empty (offline copy loaded and first sync with the server done), and only by one client:
 * the one alone in the session, or the one with the lowest client id among those present. Two
 * clients that meet only after both inserted end up with two blocks, which is harmless.
 */
import { openerId } from '@rapporteur/shared/cockpit';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import type { CollabSession } from './collabSession.ts';
import { freshSpeakerAttrs } from './commands.ts';
import { activeHeadersOf } from './activeHeader.ts';

/** Whether this client should be the one to insert the first block. */
export function isSeeder(selfId: number, presentIds: Iterable<number>): boolean {
  for (const id of presentIds) if (id < selfId) return false;
  return true;
}

/** Watch the session and seed it once when it is empty; returns the function that stops watching. */
export function seedWhenEmpty(editor: Editor, session: CollabSession): () => void {
  const { doc, provider } = session;
  const fragment = doc.getXmlFragment(RECORD_FIELD);
  let offlineLoaded = false;
  let done = false;

  const check = () => {
    if (done || editor.isDestroyed) return;
    if (fragment.length > 0) return stop();
    if (!offlineLoaded || !provider.synced) return;
    // only people with an editor count (they set `user`); the server drops others' carets anyway
    const present = [...provider.awareness.getStates()].filter(([, s]) => s.user).map(([id]) => id);
    if (!isSeeder(doc.clientID, present)) return;
    const attrs = freshSpeakerAttrs(new Date(), openerId(provider.awareness.clientID));
    activeHeadersOf(editor).open(attrs.id, 'speaker');
    editor.commands.setContent({
      type: 'doc',
      content: [{ type: 'speakerBlock', attrs, content: [{ type: 'paragraph' }] }],
    });
    stop();
  };

  const stop = () => {
    done = true;
    provider.off('sync', check);
    provider.awareness.off('change', check);
    doc.off('update', check);
  };

  provider.on('sync', check);
  provider.awareness.on('change', check);
  doc.on('update', check);
  void session.offlineLoaded.then(() => {
    offlineLoaded = true;
    check();
  });
  return stop;
}
