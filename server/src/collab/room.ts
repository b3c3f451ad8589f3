import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, MAX_DOCUMENT_BYTES } from '@rapporteur/shared/protocol';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { WriteQueue } from '../persistence/writeQueue.ts';
import type { Logger } from '../logger.ts';
import { readAwarenessEntries, writeAwarenessEntries } from './awarenessFilter.ts';
import {
  type ClientMessage,
  ProtocolError,
  readClientMessage,
  writeAwareness,
  writePersistedFrame,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './codec.ts';
import type { Connection } from './connection.ts';

/** Observers of a room's life, for features built beside the sync loop (projection, versions). */
export interface RoomHooks {
  /** After the room's document is loaded, before any socket joins. */
  onLoad?(room: Room): void;
  /** After each update integrated into the room's document (any origin). */
  onUpdate?(room: Room, update: Uint8Array, origin: unknown): void;
  /** After the room's changes are committed to the update log. */
  onPersisted?(room: Room): void;
  /** When the room is unloaded (after its last flush). */
  onDestroy?(room: Room): void;
}

export interface RoomOptions {
  sessionId: string;
  hooks?: readonly RoomHooks[];
  log: UpdateLog;
  logger: Logger;
  /** The merged stored state and how many rows it came from. */
  loaded: { update: Uint8Array | null; rows: number };
}

/**
 * One session's live document: the Y.Doc, its awareness, the sockets in the room, broadcast,
 * and the write queue that persists every update. Each frame is encoded once per room and the
 * same buffer is sent to every receiver; an update is never echoed to its sender.
 */
export class Room {
  readonly sessionId: string;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly queue: WriteQueue;
  private persistedFrame: Uint8Array;
  private fullState: Uint8Array | null = null;
  private readonly logger: Logger;
  private readonly hooks: readonly RoomHooks[];

  constructor(opts: RoomOptions) {
    this.sessionId = opts.sessionId;
    this.logger = opts.logger;
    this.hooks = opts.hooks ?? [];
    if (opts.loaded.update) Y.applyUpdate(this.doc, opts.loaded.update, 'load');
    this.persistedFrame = writePersistedFrame(Y.encodeStateVector(this.doc));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not present
    this.queue = new WriteQueue({
      sessionId: this.sessionId,
      doc: this.doc,
      log: opts.log,
      rows: opts.loaded.rows,
      onPersisted: (sv) => this.announcePersisted(sv),
      onError: (err, attempt) =>
        this.logger.error('persist failed; kept in memory, retrying', { sessionId: this.sessionId, attempt, err }),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullState = null;
      this.queue.push(update);
      this.broadcast(writeUpdate(update), origin);
      for (const h of this.hooks) h.onUpdate?.(this, update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = added.concat(updated, removed);
      if (changed.length === 0) return;
      this.broadcast(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), origin);
    });
    for (const h of this.hooks) h.onLoad?.(this);
  }

  /** Admit a socket: send our state vector, current presence and the persisted vector. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(writeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      conn.send(
        writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
      );
    }
    if (conn.wantsPersisted) conn.send(this.persistedFrame);
  }

  /** A socket left: forget it and withdraw its presence. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessClientId], 'leave');
    }
  }

  /** Handle one raw frame from a socket in this room; bad frames close only that socket. */
  receive(conn: Connection, frame: Uint8Array): void {
    let msg: ClientMessage;
    try {
      msg = readClientMessage(frame);
      this.handle(conn, msg);
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.logger.warn('closing connection', { sessionId: this.sessionId, conn: conn.id, reason: err.message });
        conn.close(err.code);
      } else {
        this.logger.error('message handling failed', { sessionId: this.sessionId, conn: conn.id, err });
        conn.close(CloseCode.InternalError);
      }
    }
  }

  private handle(conn: Connection, msg: ClientMessage): void {
    switch (msg.type) {
      case 'sync-step1':
        conn.send(writeSyncStep2(this.stateFor(msg.stateVector)));
        return;
      case 'sync-step2':
      case 'sync-update':
        this.applyUpdate(conn, msg.update);
        return;
      case 'awareness':
        this.applyAwareness(conn, msg.update);
        return;
      case 'query-awareness':
        conn.send(
          writeAwareness(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
        return;
      case 'auth':
        return;
    }
  }

  /** The update a peer with `stateVector` lacks; the full state is cached between edits. */
  private stateFor(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  private applyUpdate(conn: Connection, update: Uint8Array): void {
    if (update.byteLength > 1024 && this.approximateSize() + update.byteLength > MAX_DOCUMENT_BYTES) {
      throw new ProtocolError(CloseCode.DocumentTooLarge, 'document would exceed its size limit');
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'update could not be applied');
    }
  }

  private approximateSize(): number {
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState.byteLength;
  }

  private applyAwareness(conn: Connection, update: Uint8Array): void {
    let entries: ReturnType<typeof readAwarenessEntries>;
    try {
      entries = readAwarenessEntries(update);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'awareness update does not decode');
    }
    if (conn.awarenessClientId === null && entries.length > 0) conn.awarenessClientId = entries[0]!.clientId;
    // keep only the socket's own entry: the rest are echoes of other clients (or forgeries)
    const own = entries.filter((e) => e.clientId === conn.awarenessClientId);
    if (own.length === 0) return;
    for (const e of own) {
      try {
        JSON.parse(e.state);
      } catch {
        throw new ProtocolError(CloseCode.MalformedMessage, 'awareness state is not JSON');
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessEntries(own), conn);
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame);
  }

  private announcePersisted(stateVector: Uint8Array): void {
    this.persistedFrame = writePersistedFrame(stateVector);
    for (const conn of this.connections) if (conn.wantsPersisted) conn.send(this.persistedFrame);
    for (const h of this.hooks) h.onPersisted?.(this);
  }

  /** Store everything pending; true when nothing is left unstored. */
  flush(deadline?: number): Promise<boolean> {
    return this.queue.drain(deadline);
  }

  /** Close every socket and release timers. Call after a successful flush. */
  destroy(code: (typeof CloseCode)[keyof typeof CloseCode] = CloseCode.GoingAway): void {
    for (const conn of [...this.connections]) conn.close(code);
    this.connections.clear();
    this.queue.close();
    for (const h of this.hooks) h.onDestroy?.(this);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
