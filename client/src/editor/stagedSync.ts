/**
 * The provider's side of opening a long record (issue 17). A long record is much data (1.7 MB at
 * 1,000 blocks); applied at once, Yjs integrates it and the editor renders every block in one
 * task of 200 ms or more, in which the page cannot scroll, paint or take a key. The server sends a
 * large sync answer in parts (server/src/collab/syncReply.ts), but the browser may hand several of
 * them to the page in one task, and a large update may come from elsewhere (a restored version, an
 * older server). So a large message waits its turn in the document's queue (stagedUpdates.ts),
 * which applies one message, or one part of a message too large for one task, per task: the first
 * blocks show while the rest arrives, and no task holds the page for long.
 *
 * Order is kept: while the queue runs, every document message after it waits its turn (a
 * keystroke's update, when the queue is idle, is applied at once as before). A sync request
 * (step 1) is still answered at once, from the document as it is: what the reader lacks is
 * whatever the server has not sent yet, which the server does not ask for. The provider is marked
 * synced (the "Connected" status, seeding an empty record) when the sync answer is in, and only
 * if the socket that brought it is still the provider's.
 */
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { StagedUpdates } from './stagedUpdates.ts';

/** y-websocket's message type of sync messages. */
const MESSAGE_SYNC = 0;

/** Messages above this go through the queue (one per task); a keystroke is far below. */
export const QUEUE_ABOVE_BYTES = 8 * 1024;

type Handler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: unknown,
  emitSynced: boolean,
  messageType: number,
) => void;

/** The part of y-websocket's WebsocketProvider this uses. */
export interface StagingProvider {
  doc: Y.Doc;
  messageHandlers: Handler[];
  ws: unknown;
  wsconnected: boolean;
  synced: boolean;
}

/** Install on `provider` (before it connects); `queueAbove` for tests. */
export function stageLargeSyncs(
  provider: StagingProvider,
  staged: StagedUpdates,
  queueAbove = QUEUE_ABOVE_BYTES,
): void {
  const stock = provider.messageHandlers[MESSAGE_SYNC]!;
  const doc = provider.doc;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const kind = decoding.readVarUint(peek);
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      stock(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    const update = decoding.readVarUint8Array(peek);
    if (!staged.busy && update.byteLength <= queueAbove) {
      stock(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    // an update or a sync answer: nothing to reply, so the encoder stays empty
    const socket = provider.ws;
    staged.push(update, provider, () => {
      const stillOurs = provider.ws === socket && provider.wsconnected;
      if (emitSynced && kind === syncProtocol.messageYjsSyncStep2 && stillOurs && !doc.isDestroyed) {
        provider.synced = true;
      }
    });
  };
}
