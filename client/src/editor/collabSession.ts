/**
 * Lifetime of one session's collaboration state: the Y.Doc, its WebSocket provider, the offline
 * copy in IndexedDB and the save tracker. Created together, destroyed together: the provider's
 * awareness runs an interval that only stops when the Doc is destroyed, so leaving a page without
 * `destroy()` leaks timers and keeps a socket open.
 */
import {
  COLLAB_PATH,
  PERSISTED_QUERY_PARAM,
  type ProviderWithHandlers,
  SaveTracker,
} from '@rapporteur/shared/protocol';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Everything the editor and the status bar need for one session. */
export interface CollabSession {
  sessionId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  offline: IndexeddbPersistence;
  save: SaveTracker;
  destroy(): void;
}

/** The socket base address on this page's origin (wss behind https). */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/** The IndexedDB database name of a session's offline copy. */
export function offlineCopyName(sessionId: string): string {
  return `rapporteur:${sessionId}`;
}

/** Open a session: connect, load the offline copy, and start tracking what the server stored. */
export function openCollabSession(sessionId: string): CollabSession {
  const doc = new Y.Doc();
  // the offline copy first, so text typed while the server was unreachable is in the doc
  // before the first sync exchange and gets re-sent by it
  const offline = new IndexeddbPersistence(offlineCopyName(sessionId), doc);
  const provider = new WebsocketProvider(collabUrl(window.location), sessionId, doc, {
    params: { [PERSISTED_QUERY_PARAM]: '1' },
  });
  // the tracker's structural type takes handlers for any provider; y-websocket's are typed for
  // its own class, which function-parameter variance rejects though the call is the same
  const save = new SaveTracker(doc, provider as unknown as ProviderWithHandlers);
  let destroyed = false;
  return {
    sessionId,
    doc,
    provider,
    offline,
    save,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      save.destroy();
      provider.destroy();
      // IndexeddbPersistence.destroy closes the database; pending writes are already queued
      void offline.destroy();
      doc.destroy();
    },
  };
}
