/**
 * The offline copy of a session's record (IndexedDB, y-indexeddb), kept on a document of its own.
 *
 * y-indexeddb applies everything it kept in one transaction. On the record's own document that
 * was one task of Yjs and the editor rendering every block: on opening a 1,000-block record a
 * second time, 200 ms and more in which the page was frozen (issue 17). So y-indexeddb works on a
 * copy document, which no editor renders: what it loads is handed to the record's document
 * through the document's queue (stagedUpdates.ts), in parts, one per task; and every change of the
 * record is applied to the copy as it happens, in the same task, so y-indexeddb stores it exactly
 * when it stored it before. Text typed while the server was unreachable comes back from the copy
 * with its own origin, so the provider sends it to the server.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { StagedUpdates } from './stagedUpdates.ts';

/** The offline copy: y-indexeddb's persistence (its custom store), and when the copy is in the record. */
export interface OfflineCopy {
  persistence: IndexeddbPersistence;
  /** Resolves once y-indexeddb has read what it kept into the copy (the record gets it in parts after). */
  read: Promise<void>;
  /** Resolves once what the copy held is in the record's document. */
  loaded: Promise<void>;
  /** The copy's state: all the record holds, and what the copy read that the record has yet to apply. */
  stateVector(): Uint8Array;
  /**
   * False when this browser never kept a copy of this record (a first opening): then there is
   * nothing to wait for before asking the server for the record.
   */
  mayHoldRecord: boolean;
  destroy(): Promise<void>;
}

/** The key of the local-storage mark that this browser keeps a copy named `name`. */
const keptMark = (name: string) => `rapporteur:copy-kept:${name}`;

/** Whether a copy named `name` may exist here (true when local storage cannot say). */
function mayBeKept(name: string): boolean {
  try {
    return localStorage.getItem(keptMark(name)) !== null;
  } catch {
    return true;
  }
}

function markKept(name: string): void {
  try {
    localStorage.setItem(keptMark(name), '1');
  } catch {
    // then every opening waits for the copy, as when unsure
  }
}

/** Origin of the record's own changes applied to the copy (not handed back). */
const FROM_RECORD = Symbol('from the record');

/** Open the offline copy `name` of `doc`, loading it through `staged`. */
export function openOfflineCopy(name: string, doc: Y.Doc, staged: StagedUpdates): OfflineCopy {
  // before y-indexeddb creates the database
  const mayHoldRecord = mayBeKept(name);
  const copy = new Y.Doc({ gc: doc.gc });
  const persistence = new IndexeddbPersistence(name, copy);
  // the record's changes, to be stored; not those that came from the copy
  const toCopy = (update: Uint8Array, origin: unknown) => {
    if (origin !== persistence) Y.applyUpdate(copy, update, FROM_RECORD);
  };
  // what y-indexeddb loads (applied with itself as the origin), to the record: from the next task,
  // as the task that loaded it did enough
  let handedOver = Promise.resolve();
  const fromCopy = (update: Uint8Array, origin: unknown) => {
    if (origin !== persistence) return;
    handedOver = new Promise((resolve) => setTimeout(() => staged.push(update, persistence, resolve), 0));
  };
  doc.on('update', toCopy);
  copy.on('update', fromCopy);
  // when the copy's load begins (for the browser benchmark and DevTools)
  const markLoad = (transaction: Y.Transaction) => {
    if (transaction.origin !== persistence) return;
    copy.off('beforeTransaction', markLoad);
    performance.mark('rapporteur:offline-copy-load');
  };
  copy.on('beforeTransaction', markLoad);
  // y-indexeddb loaded the copy before it says it is synced (an empty copy has no load transaction)
  const read = persistence.whenSynced.then(() => {
    copy.off('beforeTransaction', markLoad);
    markKept(name);
  });
  return {
    persistence,
    read,
    loaded: read.then(() => handedOver),
    stateVector: () => Y.encodeStateVector(copy),
    mayHoldRecord,
    destroy: async () => {
      doc.off('update', toCopy);
      copy.off('update', fromCopy);
      copy.off('beforeTransaction', markLoad);
      // IndexeddbPersistence.destroy closes the database; pending writes are already queued
      await persistence.destroy();
      copy.destroy();
    },
  };
}
