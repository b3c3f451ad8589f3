/**
 * What a worker needs to rebuild a live room's document, at a cost on the event loop that does
 * not grow with the document: the room's full state is encoded once (the first export) and
 * cached with its state vector; each later export sends that snapshot plus the diff since it
 * (`Y.encodeStateAsUpdate(doc, stateVector)`, which costs the size of the change). When the diff
 * has grown large, the worker, which holds the whole document anyway, returns a fresh snapshot.
 * Snapshots live in SharedArrayBuffers, written once and never changed, so sending one to a
 * worker shares it rather than copying megabytes on the event loop. They are held weakly by
 * document, so a room's goes when its document does.
 */
import * as Y from 'yjs';

interface Snapshot {
  update: Uint8Array;
  stateVector: Uint8Array;
}

/** `bytes` copied into shared memory (a worker then reads it in place). */
export function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/** A diff larger than this fraction of the snapshot asks the worker for a fresh one. */
const REFRESH_RATIO = 0.25;

/** Cached full states of live documents, for exports in worker threads. */
export class DocSnapshots {
  private readonly byDoc = new WeakMap<Y.Doc, Snapshot>();

  /** Updates that rebuild `doc` as it is now, and whether a fresh snapshot should be taken. */
  updatesFor(doc: Y.Doc): { updates: Uint8Array[]; refresh: boolean } {
    const snapshot = this.byDoc.get(doc);
    if (!snapshot) {
      const update = shared(Y.encodeStateAsUpdate(doc));
      this.byDoc.set(doc, { update, stateVector: Y.encodeStateVector(doc) });
      return { updates: [update], refresh: false };
    }
    const diff = Y.encodeStateAsUpdate(doc, snapshot.stateVector);
    return { updates: [snapshot.update, diff], refresh: diff.byteLength > snapshot.update.byteLength * REFRESH_RATIO };
  }

  /** Keep a snapshot the worker took of `doc` (a state of it, so any later diff applies). */
  store(doc: Y.Doc, snapshot: Snapshot): void {
    this.byDoc.set(doc, snapshot);
  }
}
