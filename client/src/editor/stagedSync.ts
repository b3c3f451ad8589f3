/**
 * A long record arrives as much data at once (1.7 MB at 1,000 blocks). Applied at once, Yjs
 * integrates it and the editor renders every block in one task of 200 ms or more, in which the
 * page cannot scroll, paint or take a key (issue 17). The server sends a large sync answer in
 * parts (server/src/collab/syncReply.ts), but the browser may hand several of them to the page in
 * one task, and a large update may come from elsewhere (a restored version, an older server). So
 * here a large message waits its turn in a queue that applies one message, or one part of a
 * message too large for one task (`splitUpdate`), per task: the first blocks show while the rest
 * arrives, and no task holds the page for long.
 *
 * Order is kept: while the queue runs, every document message after it waits its turn (a
 * keystroke's update, when the queue is idle, is applied at once as before). A sync request
 * (step 1) is still answered at once, from the document as it is: what the reader lacks is
 * whatever the server has not sent yet, which the server does not ask for. The provider is marked
 * synced (the "Connected" status, seeding an empty record) when the sync answer is in, and only
 * if the socket that brought it is still the provider's.
 */
import { type PartSizes, readerItems, SYNC_PART_BYTES, splitUpdate } from '@rapporteur/shared/protocol';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket's message type of sync messages. */
const MESSAGE_SYNC = 0;

/** Messages above this go through the queue (one per task); a keystroke is far below. */
export const QUEUE_ABOVE_BYTES = 8 * 1024;

/** Messages above this are also applied in parts. */
export const SPLIT_ABOVE_BYTES = 2 * SYNC_PART_BYTES.rest;

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

/** Let the browser paint and handle input before the next part. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Apply an update as the stock handler does: an error thrown by an observer is logged, not raised. */
function apply(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  try {
    Y.applyUpdate(doc, update, origin);
  } catch (error) {
    console.error('Caught error while handling a Yjs update', error);
  }
}

/**
 * Install on `provider` (before it connects). Returns the number of messages waiting, for tests.
 * Options (for tests): the sizes above, and how the page yields.
 */
export function stageLargeSyncs(
  provider: StagingProvider,
  options: { queueAbove?: number; splitAbove?: number; partBytes?: PartSizes; yieldToPage?: () => Promise<void> } = {},
): { pending: () => number } {
  const queueAbove = options.queueAbove ?? QUEUE_ABOVE_BYTES;
  const splitAbove = options.splitAbove ?? SPLIT_ABOVE_BYTES;
  const partBytes = options.partBytes ?? SYNC_PART_BYTES;
  const yieldToPage = options.yieldToPage ?? nextTask;
  const stock = provider.messageHandlers[MESSAGE_SYNC]!;
  const doc = provider.doc;
  const waiting: Array<() => Promise<void>> = [];
  let running = false;

  // the first message waiting is applied at once (the first blocks show without delay), each
  // one after it in a task of its own
  const drain = async () => {
    running = true;
    try {
      for (let first = true; waiting.length > 0 && !doc.isDestroyed; first = false) {
        if (!first) await yieldToPage();
        await waiting.shift()!();
      }
    } finally {
      waiting.length = 0;
      running = false;
    }
  };

  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const kind = decoding.readVarUint(peek);
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      stock(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    const update = decoding.readVarUint8Array(peek);
    if (!running && update.byteLength <= queueAbove) {
      stock(encoder, decoder, p, emitSynced, messageType);
      return;
    }
    // an update or a sync reply: nothing to answer, so the encoder stays empty
    const socket = provider.ws;
    waiting.push(async () => {
      let parts: Array<() => Uint8Array>;
      try {
        parts = update.byteLength <= splitAbove ? [() => update] : splitUpdate(update, partBytes, readerItems(doc));
      } catch {
        parts = [() => update]; // not one we can read: Yjs reports it as it would have
      }
      for (let k = 0; k < parts.length && !doc.isDestroyed; k++) {
        if (k > 0) await yieldToPage();
        if (!doc.isDestroyed) apply(doc, parts[k]!(), provider);
      }
      const stillOurs = provider.ws === socket && provider.wsconnected;
      if (emitSynced && kind === syncProtocol.messageYjsSyncStep2 && stillOurs && !doc.isDestroyed) {
        provider.synced = true;
      }
    });
    if (!running) void drain();
  };
  return { pending: () => waiting.length };
}
