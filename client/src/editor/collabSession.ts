/**
 * Lifetime of one session's collaboration state: the Y.Doc, its WebSocket provider, the offline
 * copy in IndexedDB and the save tracker. Created together, destroyed together: the provider's
 * awareness runs an interval that only stops when the Doc is destroyed, so leaving a page without
 * `destroy()` leaks timers and keeps a socket open.
 */
import { type ProviderWithHandlers, SaveTracker } from '@rapporteur/shared/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { UserIdentity } from '../user/identity.ts';
import { keepAcknowledgements } from './keptOffline.ts';
import { SchemaGate } from './schemaGate.ts';
import { collabSocket } from './collabSocket.ts';
import { collabUrl, jitteredReconnect, socketParams } from './socketOptions.ts';
import { type KeptValues, openOfflineCopy } from './offlineCopy.ts';
import { type StagingProvider, stageLargeSyncs } from './stagedSync.ts';
import { StagedUpdates } from './stagedUpdates.ts';

/** Everything the editor and the status bar need for one session. */
export interface CollabSession {
  sessionId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Values kept with the offline copy (what the page must know offline). */
  offline: KeptValues;
  /** Resolves once what the offline copy held is in `doc`. */
  offlineLoaded: Promise<void>;
  save: SaveTracker;
  /** Whether the document was written by a newer schema than ours (then it is shown read-only). */
  schema: SchemaGate;
  /**
   * The page shows the record now (its editor exists): the rest of a long record goes in, one part
   * per task. Until then only its first part is applied (opened ahead, the record may arrive
   * before the editor, which would otherwise render all of it in one task).
   */
  showing(): void;
  /** Change the name and colour the server binds to our presence (reconnects once). */
  setUser(user: UserIdentity): void;
  destroy(): void;
}

/** Longest wait for the offline copy before syncing anyway (IndexedDB unreadable or very slow). */
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
  const showing = staged.hold();
  // the offline copy first: text typed while the server was unreachable reaches the doc, and the
  // provider sends it on
  const offlineCopy = openOfflineCopy(offlineCopyName(sessionId), doc, staged);
  const offline = offlineCopy.values;
  // the socket's handshake runs beside the copy's load: the provider sees it open once the copy
  // is read (or after a while, when it cannot be), and its sync request names all the copy holds,
  // so the server sends only what is new, not the whole record a second time (collabSocket.ts);
  // at once when this browser never kept a copy of this record
  const copyRead = new Promise<void>((resolve) => {
    if (!offlineCopy.mayHoldRecord) {
      resolve();
      return;
    }
    const giveUp = setTimeout(resolve, OFFLINE_COPY_WAIT_MS);
    void offlineCopy.read.then(() => {
      clearTimeout(giveUp);
      resolve();
    });
  });
  const provider = new WebsocketProvider(collabUrl(window.location), sessionId, doc, {
    params: socketParams(token, user),
    shouldReconnect: jitteredReconnect(),
    WebSocketPolyfill: collabSocket({ openWhen: copyRead, stateVector: offlineCopy.stateVector }),
  });
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
    showing,
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
      stopKeeping();
      save.destroy();
      schema.destroy();
      provider.destroy();
      void offlineCopy.destroy();
      doc.destroy();
    },
  };
}
