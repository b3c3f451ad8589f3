/**
 * One session's live room, the core the other parts attach to: the Y.Doc, its awareness, the
 * sockets in the room, the hook list, the session state every part reads (lock, status,
 * publication, observers), the "persisted" frame, and the room's end. What a frame does to the
 * room (messageReceiver.ts), presence (presence.ts), broadcast (broadcast.ts), session state and
 * finalise (roomState.ts) and storage (persistenceHook.ts) live beside it; rooms.ts wires them.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, type CloseCodeId } from '@rapporteur/shared/protocol';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { stampSchemaVersion } from '@rapporteur/shared/schema/version';
import type { Logger } from '../logger.ts';
import { writeAwareness, writePersistedFrame } from './codec.ts';
import type { Connection } from './connection.ts';
import type { FrameReceiver, PresenceRole, RoomPart, RoomStateControls, RoomStore, SessionState } from './types.ts';

/** Observers of a room's life, for features built beside the sync loop (persistence, projection, versions, relay). */
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
  logger: Logger;
  /** The merged stored state and how many rows it came from. */
  loaded: { update: Uint8Array | null; rows: number };
}

/** One session's live document and the sockets in it. */
export class Room {
  readonly sessionId: string;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly logger: Logger;
  /** Rows the loaded state came from (the write queue counts towards compaction from there). */
  readonly loadedRows: number;
  /** Bytes of the loaded state (the document size limit starts from there). */
  readonly loadedBytes: number;
  /** While true (session final), the server accepts no document update from anyone. */
  locked = false;
  /** Session state shown to every client through the server's awareness entry. */
  sessionState: SessionState = { status: 'live', public: false };
  /** Observers connected here, and (in a cluster) to the other processes. */
  readonly observers = { local: 0, remote: 0 };
  /** The storage of the room's updates, attached by the persistence hook. */
  private storeRef: RoomStore | null = null;
  /** Parts wired by the registry (rooms.ts) before start(). */
  receiver!: FrameReceiver;
  state!: RoomStateControls;
  private readonly parts: RoomPart[] = [];
  private persistedFrame: Uint8Array;
  private readonly hooks: readonly RoomHooks[];

  constructor(opts: RoomOptions) {
    this.sessionId = opts.sessionId;
    this.logger = opts.logger;
    this.hooks = opts.hooks ?? [];
    this.loadedRows = opts.loaded.rows;
    this.loadedBytes = opts.loaded.update?.byteLength ?? 0;
    if (opts.loaded.update) Y.applyUpdate(this.doc, opts.loaded.update, 'load');
    this.doc.getXmlFragment(RECORD_FIELD); // typed before any check resolves parents in it
    this.persistedFrame = writePersistedFrame(Y.encodeStateVector(this.doc));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server's own awareness entry carries the room state (observer count, lock), never a caret.
    this.awareness.setLocalState({ server: { observers: 0, locked: false, ...this.sessionState } });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const h of this.hooks) h.onUpdate?.(this, update, origin);
    });
  }

  /** Attach a part that follows joins, leaves and the room's end. */
  attach(part: RoomPart): void {
    this.parts.push(part);
  }

  /** Attach the room's storage (the persistence hook does, on load). */
  attachStore(store: RoomStore): void {
    this.storeRef = store;
  }

  /** The room's storage (a room without one is a wiring mistake: nothing would be stored). */
  get queue(): RoomStore {
    if (!this.storeRef) throw new Error(`room ${this.sessionId} has no storage: register the persistence hook`);
    return this.storeRef;
  }

  /** Parts are wired: tell the hooks the room is loaded, then bring the document's schema version up. */
  start(): void {
    for (const h of this.hooks) h.onLoad?.(this);
    this.recordSchemaVersion();
  }

  /**
   * Write the schema version this server runs into the document, unless it records one as new:
   * clients older than it then open the record read-only instead of rewriting it.
   */
  private recordSchemaVersion(): void {
    stampSchemaVersion(this.doc);
  }

  /** Whether the document is locked (session final). */
  get isLocked(): boolean {
    return this.locked;
  }

  /** Admit a socket: the parts greet it (state vector, presence), then the persisted vector. */
  join(conn: Connection): void {
    this.connections.add(conn);
    if (conn.identity.role === 'observer') {
      this.observers.local++;
      this.state.observersChanged();
    }
    for (const p of this.parts) p.join?.(conn);
    if (conn.wantsPersisted) conn.send(this.persistedFrame);
  }

  /** A socket left: forget it; the parts withdraw its presence and held updates. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.identity.role === 'observer') {
      this.observers.local--;
      this.state.observersChanged();
    }
    for (const p of this.parts) p.leave?.(conn);
  }

  /**
   * Everything a socket may see of the room's presence: note-takers and editors see everyone's
   * caret; observers see only the room's own entry (status, lock, observer count). The observer
   * view draws no carets, and observers are most of a large room: sending them every caret move
   * (which the stock client would then send back) was most of the server's and clients' work.
   */
  presenceFor(role: PresenceRole): Uint8Array {
    const ids = role === 'observer' ? [this.doc.clientID] : [...this.awareness.getStates().keys()];
    return writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * Tell the room's writers which state is stored. Observers have nothing to save: with hundreds
   * of them, acknowledging each flush to every socket would be most of the server's traffic.
   * They get one on joining, and that is all.
   */
  announcePersisted(stateVector: Uint8Array): void {
    this.persistedFrame = writePersistedFrame(stateVector);
    for (const conn of this.connections) {
      if (conn.wantsPersisted && conn.identity.role !== 'observer') conn.send(this.persistedFrame);
    }
    for (const h of this.hooks) h.onPersisted?.(this);
  }

  /** Store everything pending; true when nothing is left unstored. */
  flush(deadline?: number): Promise<boolean> {
    return this.storeRef ? this.storeRef.drain(deadline) : Promise.resolve(true);
  }

  /** Close every socket and release timers. Call after a successful flush. */
  destroy(code: CloseCodeId = CloseCode.GoingAway): void {
    for (const conn of [...this.connections]) conn.close(code);
    this.connections.clear();
    this.storeRef?.close();
    for (const p of this.parts) p.destroy?.();
    for (const h of this.hooks) h.onDestroy?.(this);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
