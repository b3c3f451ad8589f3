/**
 * Persistence as a room hook: each room gets a WriteQueue (group commit into the update log)
 * when it loads, every update integrated into its document is queued, except those whose origin
 * says another process stores them (the cluster's relay), and each commit is acknowledged. On one
 * process the acknowledgement is the document's state vector at the flush (everything integrated
 * is in the batch or stored before it); in a cluster it is handed to `onCommitted`, and the relay
 * decides what "saved" may claim from what every process stored.
 */
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { WriteQueue } from '../persistence/writeQueue.ts';
import type { Room, RoomHooks } from './room.ts';

export interface PersistenceHookOptions {
  log: UpdateLog;
  logger: Logger;
  /** Origins of updates this process must not append (stored by the process that received them). */
  notStored?: ReadonlySet<unknown>;
  /**
   * Called with each committed (merged) update instead of acknowledging the document's state
   * vector: clustered mode, where the document also holds updates nobody stored yet.
   */
  onCommitted?: (room: Room, update: Uint8Array) => void;
  /** Whether the queue compacts the log itself (a cluster leaves it to the room's owner). */
  compact?: boolean;
}

/** The write queue of every room, and the "persisted" acknowledgement. */
export class PersistenceHook implements RoomHooks {
  constructor(private readonly opts: PersistenceHookOptions) {}

  /** RoomHooks: attach the room's write queue before any update arrives. */
  onLoad(room: Room): void {
    const { onCommitted } = this.opts;
    room.attachStore(
      new WriteQueue({
        sessionId: room.sessionId,
        doc: room.doc,
        log: this.opts.log,
        rows: room.loadedRows,
        compactAfterRows: this.opts.compact === false ? Number.POSITIVE_INFINITY : undefined,
        onPersisted: onCommitted ? (_sv, merged) => onCommitted(room, merged) : (sv) => room.announcePersisted(sv),
        onError: (err, attempt) =>
          this.opts.logger.error('persist failed; kept in memory, retrying', {
            sessionId: room.sessionId,
            attempt,
            err,
          }),
      }),
    );
  }

  /** RoomHooks: queue what this process must store. */
  onUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    if (this.opts.notStored?.has(origin)) return;
    room.queue.push(update);
  }
}
