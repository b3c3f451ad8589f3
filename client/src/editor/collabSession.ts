/**
 * Lifetime of one session's collaboration state: the Y.Doc, its WebSocket provider, the offline
 * copy in IndexedDB and the save tracker. Created together, destroyed together: the provider's
 * awareness runs an interval that only stops when the Doc is destroyed, so leaving a page without
 * `destroy()` leaks timers and keeps a socket open.
 */
import { type ProviderWithHandlers, SaveTracker } from '@rapporteur/shared/protocol';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { UserIdentity } from '../user/identity.ts';
import { keepAcknowledgements } from './keptOffline.ts';
import { SchemaGate } from './schemaGate.ts';
import { collabUrl, jitteredReconnect, socketParams } from './socketOptions.ts';
import { openOfflineCopy } from './offlineCopy.ts';
import { type StagingProvider, stageLargeSyncs } from './stagedSync.ts';
import { StagedUpdates } from './stagedUpdates.ts';

/** Everything the editor and the status bar need for one session. */
export interface CollabSession {
  sessionId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The offline copy's persistence (its custom store keeps what the page must know offline). */
  offline: IndexeddbPersistence;
  /** Resolves once what the offline copy held is in `doc`. */
  offlineLoaded: Promise<void>;
  save: SaveTracker;
  /** Whether the document was written by a newer schema than ours (then it is shown read-only). */
  schema: SchemaGate;
  /** Change the name and colour the server binds to our presence (reconnects once). */
  setUser(user: UserIdentity): void;
  destroy(): void;
}

/** Longest wait for the offline copy before connecting anyway (IndexedDB unreadable or very slow). */
export const OFFLINE_COPY_WAIT_MS = 2_000;

/** The IndexedDB database name of a session's offline copy. */
export function offlineCopyName(sessionId: string): string {
  return `rapporteur:${sessionId}`;
}

/** Open a session: connect, load the offline copy, and start tracking what the server stored. */
export function openCollabSession(sessionId: string, token: string | null, user: UserIdentity): CollabSession {
  let destroyed = false;
  const doc = new Y.Doc();
  // before anything fills the document: a newer version must be known before the editor renders
  const schema = new SchemaGate(doc);
  // large updates (a long record, from the server or the offline copy) go in one part per task
  const staged = new StagedUpdates(doc);
  // the offline copy first: text typed while the server was unreachable reaches the doc, and the
  // provider sends it on
  const offlineCopy = openOfflineCopy(offlineCopyName(sessionId), doc, staged);
  const offline = offlineCopy.persistence;
  const provider = new WebsocketProvider(collabUrl(window.location), sessionId, doc, {
    params: socketParams(token, user),
    shouldReconnect: jitteredReconnect(),
    connect: false,
  });
  // connect once the offline copy is in the document: the first sync request then names all of
  // it, and the server sends only what is new (not the whole record a second time); or after a
  // while, when the copy cannot be read
  let connectAfterCopy: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    clearTimeout(connectAfterCopy);
    // not when destroyed, nor when something connected it already (a reconnect button)
    if (!destroyed && !provider.shouldConnect) provider.connect();
  };
  connectAfterCopy = setTimeout(connect, OFFLINE_COPY_WAIT_MS);
  void offlineCopy.loaded.then(connect);
  // (the same handler-type variance as the save tracker's below)
  stageLargeSyncs(provider as unknown as StagingProvider, staged);
  // the tracker's structural type takes handlers for any provider; y-websocket's are typed for
  // its own class, which function-parameter variance rejects though the call is the same
  const save = new SaveTracker(doc, provider as unknown as ProviderWithHandlers);
  // after a reload the unsaved count goes on from the last acknowledgement, not from zero
  const stopKeeping = keepAcknowledgements(offline, save);
  return {
    sessionId,
    doc,
    provider,
    offline,
    offlineLoaded: offlineCopy.loaded,
    save,
    schema,
    setUser(next) {
      const params = socketParams(token, next);
      if (params.name === provider.params.name && params.color === provider.params.color) return;
      provider.params = params;
      // the identity is bound when the socket opens: reconnect to present the new one
      if (provider.shouldConnect) {
        provider.disconnect();
        provider.connect();
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(connectAfterCopy);
      stopKeeping();
      save.destroy();
      schema.destroy();
      provider.destroy();
      void offlineCopy.destroy();
      doc.destroy();
    },
  };
}
