/**
 * The offline copy of a session's record: the record's Yjs updates kept in this browser's
 * IndexedDB, so a reload without a connection shows the record and nothing typed offline is lost.
 *
 * The layout is y-indexeddb's, which earlier versions of this page used (a database per record,
 * an `updates` store of updates under increasing keys and a `custom` store of named values), so
 * a copy kept by them opens as it was. What changed is how it is loaded. y-indexeddb applies what
 * it kept to a document in one transaction; on the record's own document that froze the page for
 * 200 ms and more on opening a 1,000-block record again, and on a second document that no editor
 * renders (the way this module worked before) it still cost one long task of decoding, merging and
 * encoding again, and a second copy of the whole record in memory for as long as the page was
 * open, with every change applied twice (issue 17). Here the kept rows go, as they were stored,
 * to the record's queue (stagedUpdates.ts), which applies a large one in parts, one per task.
 *
 * Storing: each change of the record that did not come from the copy is added as a row in the task
 * it happens in. Once 500 rows were added, the record's whole state replaces the rows known to be
 * in it (those this page loaded, after they are all in, and those it wrote itself), in one
 * IndexedDB transaction: a failure leaves every row as it was. Rows another tab wrote meanwhile
 * are left for the next opening, which applies them too (Yjs applies an update once, whatever
 * else held it).
 */
import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import type { StagedUpdates } from './stagedUpdates.ts';

/** Named values kept with the copy (keptOffline.ts); strings here, but IndexedDB takes more. */
export interface KeptValues {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
}

/** The offline copy of one record, and when it is in the record. */
export interface OfflineCopy {
  /** Values kept beside the record in the same database. */
  values: KeptValues;
  /** Resolves once the kept rows are read and queued for the record (or there is no copy to read). */
  read: Promise<void>;
  /** Resolves once what the copy held is in the record's document. */
  loaded: Promise<void>;
  /** The record's state and what the copy read that the record has yet to apply. */
  stateVector(): Uint8Array;
  /**
   * False when this browser never kept a copy of this record (a first opening): then there is
   * nothing to wait for before asking the server for the record.
   */
  mayHoldRecord: boolean;
  destroy(): Promise<void>;
}

const UPDATES = 'updates';
const VALUES = 'custom';
/** Rows added before the record's whole state replaces those it holds (y-indexeddb's figure). */
export const TRIM_AFTER_ROWS = 500;
/** Wait after the last row before trimming, so a burst of typing is trimmed once. */
const TRIM_DELAY_MS = 1_000;

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

/** When the rows are trimmed (tests make it sooner). */
export interface TrimOptions {
  afterRows?: number;
  delayMs?: number;
}

/** Open the offline copy `name` of `doc`, loading it through `staged`. */
export function openOfflineCopy(
  name: string,
  doc: Y.Doc,
  staged: StagedUpdates,
  { afterRows = TRIM_AFTER_ROWS, delayMs = TRIM_DELAY_MS }: TrimOptions = {},
): OfflineCopy {
  // before the database is created
  const mayHoldRecord = mayBeKept(name);
  // the origin of what the copy hands to the record (not stored again; sent to the server)
  const origin = { offlineCopy: name };
  let destroyed = false;
  let db: IDBDatabase | null = null;
  /** Whether the record changed before the database was open (then its state is stored first). */
  let changedBeforeOpen = false;
  /** Rows read and not yet in the record (for the state vector of the sync request). */
  let unapplied: Uint8Array[] = [];
  /** The last key this page loaded, once all it loaded is in the record (-1: none yet). */
  let loadedUpTo = -1;
  /** Keys of rows this page wrote since it last trimmed. */
  const written: number[] = [];
  let added = 0;
  let trimTimer: ReturnType<typeof setTimeout> | null = null;

  const opened = idb.openDB(name, (created) =>
    idb.createStores(created, [[UPDATES, { autoIncrement: true }], [VALUES]]),
  );

  /** The last row added (rows are added in order, one transaction each). */
  let lastAdded: Promise<unknown> = Promise.resolve();
  const addRow = (store: IDBObjectStore, update: Uint8Array) => {
    lastAdded = idb
      .rtop(store.add(update))
      .then((key) => {
        if (typeof key === 'number') written.push(key);
      })
      .catch(() => {
        // storage full or closed: the server still has it once acknowledged; the next trim or
        // opening stores the record's whole state
      });
  };

  const trim = () => {
    trimTimer = null;
    added = 0;
    // once the rows added so far have their keys, so that they are replaced too
    void lastAdded.then(() => {
      if (!db || destroyed || loadedUpTo < 0) return;
      const covered = written.splice(0);
      const [updates] = idb.transact(db, [UPDATES]);
      // one transaction: the whole state in, the rows it covers out, or nothing at all
      addRow(updates!, Y.encodeStateAsUpdate(doc));
      updates!.delete(IDBKeyRange.upperBound(loadedUpTo));
      for (const key of covered) if (key > loadedUpTo) updates!.delete(key);
    });
  };

  const store = (update: Uint8Array, from: unknown) => {
    if (from === origin || destroyed) return;
    if (!db) {
      changedBeforeOpen = true;
      return;
    }
    try {
      addRow(idb.transact(db, [UPDATES])[0]!, update);
    } catch {
      return; // the database was closed under us (another tab deleted it): nothing more to keep
    }
    if (++added >= afterRows) {
      if (trimTimer) clearTimeout(trimTimer);
      trimTimer = setTimeout(trim, delayMs);
    }
  };
  doc.on('update', store);

  let handedOver: Promise<void> = Promise.resolve();
  const read = opened
    .then(async (database) => {
      if (destroyed) {
        database.close();
        return;
      }
      db = database;
      const [updates] = idb.transact(database, [UPDATES]);
      if (changedBeforeOpen) addRow(updates!, Y.encodeStateAsUpdate(doc));
      const [rows, lastKey] = await Promise.all([
        idb.getAll(updates!) as Promise<Uint8Array[]>,
        idb.getLastKey(updates!) as Promise<number | undefined>,
      ]);
      markKept(name);
      if (destroyed) return;
      // when the load begins (for the browser benchmark and DevTools)
      performance.mark('rapporteur:offline-copy-load');
      const kept = rows.filter((row) => row instanceof Uint8Array && row.byteLength > 0);
      unapplied = kept;
      handedOver = new Promise<void>((resolve) => {
        if (kept.length === 0) {
          resolve();
          return;
        }
        kept.forEach((row, i) => {
          staged.push(row, origin, () => {
            if (i < kept.length - 1) return;
            unapplied = [];
            resolve();
          });
        });
      }).then(() => {
        // the record now holds every row up to here: a trim may replace them (keys start at 1)
        loadedUpTo = typeof lastKey === 'number' ? lastKey : 0;
      });
    })
    .catch(() => {
      // IndexedDB refused (private browsing, blocked, full): no copy this time; the record comes
      // from the server alone
    });

  const values: KeptValues = {
    get: (key) => opened.then((database) => idb.get(idb.transact(database, [VALUES], 'readonly')[0]!, key)),
    set: (key, value) => opened.then((database) => idb.put(idb.transact(database, [VALUES])[0]!, value, key)),
  };

  return {
    values,
    read,
    loaded: read.then(() => handedOver),
    stateVector: () => stateWithRows(doc, unapplied),
    mayHoldRecord,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      doc.off('update', store);
      if (trimTimer) clearTimeout(trimTimer);
      // closing waits for the transactions already made, so rows added before this are kept
      await opened.then((database) => database.close()).catch(() => {});
    },
  };
}

/**
 * The state vector of `doc` with what `rows` add to it: for each client, the clocks from 0 on that
 * the document and the rows hold without a gap between them. A row's range is read from its
 * first and last change of each client (`parseUpdateMeta`, no integration): the rows are the
 * document's own updates, each a whole transaction or the whole state, so within one row a
 * client's changes have no gap. A row that cannot be read adds nothing, which only makes the
 * server send its part again.
 */
export function stateWithRows(doc: Y.Doc, rows: readonly Uint8Array[]): Uint8Array {
  const state = Y.decodeStateVector(Y.encodeStateVector(doc));
  if (rows.length === 0) return Y.encodeStateVector(state);
  const ranges = new Map<number, Array<[number, number]>>();
  for (const row of rows) {
    let meta: { from: Map<number, number>; to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(row);
    } catch {
      continue;
    }
    for (const [client, from] of meta.from) {
      const to = meta.to.get(client) ?? from;
      if (to > from) ranges.set(client, [...(ranges.get(client) ?? []), [from, to]]);
    }
  }
  for (const [client, list] of ranges) {
    let covered = state.get(client) ?? 0;
    for (const [from, to] of list.sort((a, b) => a[0] - b[0])) {
      if (from > covered) break;
      covered = Math.max(covered, to);
    }
    if (covered > 0) state.set(client, covered);
  }
  return Y.encodeStateVector(state);
}
