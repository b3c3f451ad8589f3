/**
 * The observer's link to a session: a Y.Doc kept in sync over the socket, nothing more. No
 * offline copy (an observer has nothing to keep), no "persisted" acknowledgements (nothing to
 * save), and no presence of its own: the local awareness state is cleared before connecting, so
 * even a browser holding an editor's token stays invisible here.
 */
import { TOKEN_QUERY_PARAM } from '@rapporteur/shared/api';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabUrl, jitteredReconnect } from '../editor/socketOptions.ts';
import { type StagingProvider, stageLargeSyncs } from '../editor/stagedSync.ts';
import { StagedUpdates } from '../editor/stagedUpdates.ts';

/** A live, read-only copy of a session's document. */
export interface ObserverConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Connect to `sessionId` as a reader (`token` may be null for a published session). */
export function openObserverConnection(sessionId: string, token: string | null): ObserverConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl(window.location), sessionId, doc, {
    connect: false,
    params: token ? { [TOKEN_QUERY_PARAM]: token } : {},
    shouldReconnect: jitteredReconnect(),
  });
  // a long record in parts, one per task, as on the note-takers' page (stagedSync.ts)
  stageLargeSyncs(provider as unknown as StagingProvider, new StagedUpdates(doc));
  provider.awareness.setLocalState(null);
  provider.connect();
  let destroyed = false;
  return {
    doc,
    provider,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      // the awareness interval stops only with the doc
      doc.destroy();
    },
  };
}
