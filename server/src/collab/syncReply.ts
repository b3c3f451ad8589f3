/**
 * The answer to a peer's sync request (its state vector), as frames. A large answer, such as a
 * long record for a page that opens it, goes in parts (`splitUpdate`), each a frame of its own:
 * the browser then receives and applies them in separate tasks, the first blocks show while the
 * rest arrives, and no task holds the page for long (issue 17: receiving the 1.7 MB of a
 * 1,000-block record as one message was a task of 70 ms before any script ran). The parts before
 * the last go as updates and the last as the sync reply, so a stock y-websocket client counts
 * itself synced when the whole answer is in.
 */
import { type KnownItems, SYNC_PART_BYTES, splitUpdate } from '@rapporteur/shared/protocol';
import { writeSyncStep2, writeUpdate } from './codec.ts';
import { binaryFrame } from './wireFrame.ts';

/** Frames answering a sync request with `update`; `known` tells which items the peer has (readerItems). */
export function syncReplyFrames(update: Uint8Array, known?: KnownItems): Buffer[] {
  const parts = splitUpdate(update, SYNC_PART_BYTES, known);
  return parts.map((part, i) => binaryFrame(i === parts.length - 1 ? writeSyncStep2(part()) : writeUpdate(part())));
}
