import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  AWARENESS_TICK_MS,
  CloseCode,
  type CloseCodeId,
  MAX_DOCUMENT_BYTES,
  MAX_PRESENCE_STATE_BYTES,
  OBSERVER_BATCH_MAX_MS,
  OBSERVER_FRAMES_PER_SECOND,
  ROOM_STATE_INTERVAL_MS,
} from '@rapporteur/shared/protocol';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { WriteQueue } from '../persistence/writeQueue.ts';
import type { Logger } from '../logger.ts';
import { type AwarenessEntry, readAwarenessEntries, writeAwarenessEntries } from './awarenessFilter.ts';
import { colourCorrections } from './colours.ts';
import { revertReview, setsReviewStatus, snapshotReview } from './reviewGuard.ts';
import { BlockGuard } from './blockGuard.ts';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { recordSchema, schemaRules } from '@rapporteur/shared/schema';
import {
  documentSchemaVersion,
  META_FIELD,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
} from '@rapporteur/shared/schema/version';
import { unmetNeeds, updateNeeds } from './causality.ts';
import { DocumentSize } from './docSize.ts';
import { PendingUpdates } from './pendingBound.ts';
import { PresenceBinding } from './presenceBinding.ts';
import { PresenceThrottle } from './presenceThrottle.ts';
import { schemaViolation } from './schemaGuard.ts';
import {
  type ClientMessage,
  type DecodedUpdate,
  ProtocolError,
  readClientMessage,
  writeAwareness,
  writePersistedFrame,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './codec.ts';
import type { Connection } from './connection.ts';
import { RateMeter } from './rateMeter.ts';
import { binaryFrame } from './wireFrame.ts';

/** What the record schema allows, checked against every incoming update. */
const RECORD_RULES = schemaRules(recordSchema);

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
  /** Observer update frames per second before batching (default OBSERVER_FRAMES_PER_SECOND; tests lower it). */
  observerFramesPerSecond?: number;
}

/**
 * One session's live document: the Y.Doc, its awareness, the sockets in the room, broadcast,
 * and the write queue that persists every update. Each frame is encoded once per room and the
 * same buffer is sent to every receiver; an update is never echoed to its sender.
 */
export class Room {
  readonly sessionId: string;
  readonly doc = new Y.Doc();
  /** Final blocks read-only for note-takers; changes after review marked (blockGuard.ts). */
  private readonly blocks = new BlockGuard(this.doc, () => this.facts.status);
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly queue: WriteQueue;
  /** While true (session final), the server accepts no document update from anyone. */
  private locked = false;
  /** Session facts shown to every client through the server's awareness entry. */
  private facts: { status: string; public: boolean } = { status: 'live', public: false };
  private persistedFrame: Uint8Array;
  private fullState: Uint8Array | null = null;
  private fullStep2: Buffer | null = null;
  /** What every joiner of a role is sent first (SyncStep1 and presence), framed once until a change. */
  private readonly joinWire: Record<PresenceRole, Buffer | null> = { writer: null, observer: null };
  private readonly logger: Logger;
  private readonly awarenessChanged = new Set<number>();
  /** Updates integrated in this turn of the event loop, sent together when it ends. */
  private outbound: { update: Uint8Array; origin: unknown }[] = [];
  private outboundScheduled: NodeJS.Immediate | null = null;
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Observers in the room (kept as they join and leave). */
  private observerCount = 0;
  /** Update fan-outs per second, which with the observer count decides observer batching. */
  private readonly fanouts = new RateMeter();
  /** Updates held for observers while their batch window is open. */
  private observerPending: Uint8Array[] = [];
  private observerTimer: NodeJS.Timeout | null = null;
  /** The facts observers were last sent in the room's entry. */
  private observerFacts = '';
  /** A pending publication of the observer count (joins and leaves are coalesced). */
  private roomStateTimer: NodeJS.Timeout | null = null;
  private readonly hooks: readonly RoomHooks[];
  private readonly observerFramesPerSecond: number;
  /** Causally incomplete updates waiting for what they need (issue 12, item 4). */
  private readonly pending = new PendingUpdates<Connection>();
  private readonly size: DocumentSize;
  /** Which awareness id each socket speaks for (issue 12, item 6). */
  private readonly presenceIds: PresenceBinding<Connection>;
  /** Presence rate limits per socket and per room. */
  private readonly presenceThrottle: PresenceThrottle<Connection>;

  constructor(opts: RoomOptions) {
    this.sessionId = opts.sessionId;
    this.logger = opts.logger;
    this.hooks = opts.hooks ?? [];
    this.observerFramesPerSecond = opts.observerFramesPerSecond ?? OBSERVER_FRAMES_PER_SECOND;
    if (opts.loaded.update) Y.applyUpdate(this.doc, opts.loaded.update, 'load');
    this.doc.getXmlFragment(RECORD_FIELD); // typed before any check resolves parents in it
    this.size = new DocumentSize(opts.loaded.update?.byteLength ?? 0, () => this.fullStateUpdate().byteLength);
    this.presenceIds = new PresenceBinding(this.doc.clientID);
    this.presenceThrottle = new PresenceThrottle((conn, entry) => this.applyPresence(conn, entry));
    this.persistedFrame = writePersistedFrame(Y.encodeStateVector(this.doc));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server's own awareness entry carries room facts (observer count, lock), never a caret.
    this.awareness.setLocalState({ server: { observers: 0, locked: false, ...this.facts } });
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
      this.fullStep2 = null;
      this.size.grew(update.byteLength);
      this.forgetJoinFrames();
      this.queue.push(update);
      this.outbound.push({ update, origin });
      this.outboundScheduled ??= setImmediate(() => this.flushOutbound());
      for (const h of this.hooks) h.onUpdate?.(this, update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      this.forgetJoinFrames();
      for (const id of added) this.awarenessChanged.add(id);
      for (const id of updated) this.awarenessChanged.add(id);
      for (const id of removed) this.awarenessChanged.add(id);
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_TICK_MS);
    });
    this.recordSchemaVersion();
    for (const h of this.hooks) h.onLoad?.(this);
  }

  /**
   * Write the schema version this server runs into the document, unless it records one as new:
   * clients older than it then open the record read-only instead of rewriting it.
   */
  private recordSchemaVersion(): void {
    if (documentSchemaVersion(this.doc) >= SCHEMA_VERSION) return;
    this.doc.transact(() => this.doc.getMap(META_FIELD).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION), 'schema-version');
  }

  /** Admit a socket: send our state vector, current presence and the persisted vector. */
  join(conn: Connection): void {
    this.connections.add(conn);
    if (conn.identity.role === 'observer') {
      this.observerCount++;
      this.observersChanged();
    }
    conn.write([this.joinFrames(presenceRole(conn))]);
    if (conn.wantsPersisted) conn.send(this.persistedFrame);
  }

  /**
   * Our state vector (writers only) and the presence a role may see, framed for the wire once and reused by
   * every joiner until the document or presence changes: a crowd arriving together costs one
   * encoding, not one per socket.
   */
  private joinFrames(role: PresenceRole): Buffer {
    const cached = this.joinWire[role];
    if (cached) return cached;
    const frames = [binaryFrame(this.presenceFor(role))];
    // only writers are asked what they have that we lack: an observer's answer would be dropped
    if (role === 'writer') frames.unshift(binaryFrame(writeSyncStep1(Y.encodeStateVector(this.doc))));
    const wire = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    this.joinWire[role] = wire;
    return wire;
  }

  private forgetJoinFrames(): void {
    this.joinWire.writer = null;
    this.joinWire.observer = null;
  }

  /** A socket left: forget it and withdraw its presence. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.identity.role === 'observer') {
      this.observerCount--;
      this.observersChanged();
    }
    this.pending.drop(conn);
    this.presenceThrottle.forget(conn);
    if (conn.awarenessClientId !== null && this.presenceIds.owns(conn, conn.awarenessClientId)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessClientId], 'leave');
    }
    this.presenceIds.release(conn, conn.awarenessClientId);
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
        this.answerSyncStep1(conn, msg.stateVector);
        return;
      case 'sync-step2':
        this.applyUpdate(conn, msg.update, msg);
        for (const resolve of conn.step2Waiters.splice(0)) resolve();
        return;
      case 'sync-update':
        this.applyUpdate(conn, msg.update, msg);
        return;
      case 'awareness':
        this.applyAwareness(conn, msg.update);
        return;
      case 'query-awareness':
        conn.send(this.presenceFor(presenceRole(conn)));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * Answer a peer's state vector with what it lacks. A joiner with an empty document gets the
   * full state, encoded and framed once between edits, so a hundred joiners of a large record
   * share one buffer.
   */
  private answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) {
      conn.send(writeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
      return;
    }
    this.fullStep2 ??= binaryFrame(writeSyncStep2(this.fullStateUpdate()));
    conn.write([this.fullStep2]);
  }

  private fullStateUpdate(): Uint8Array {
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  private applyUpdate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    // Observers never write; nobody writes while the session is final. The update is dropped
    // without closing (a stock client would reconnect and resend it); when the session is
    // reopened every writer is asked to resync, so nothing typed meanwhile is lost.
    if (conn.identity.role === 'observer' || this.locked) return;
    // Only complete updates reach the Y.Doc: Yjs's own pending store would re-merge everything
    // pending on each update (quadratic) and escape the size limit.
    const needs = unmetNeeds(updateNeeds(decoded), this.doc);
    if (needs.size > 0) {
      this.holdPending(conn, update, decoded, needs);
      return;
    }
    this.integrate(conn, update, decoded);
    this.applyReady();
  }

  private holdPending(conn: Connection, update: Uint8Array, decoded: DecodedUpdate, needs: Map<number, number>): void {
    const evicted = this.pending.hold({ sender: conn, update, decoded, needs });
    for (const other of evicted) if (other !== conn) other.close(CloseCode.PendingLimit);
    if (evicted.includes(conn)) {
      throw new ProtocolError(CloseCode.PendingLimit, 'too many updates wait for changes the server lacks');
    }
  }

  /** Apply the held updates that the document now completes (each in its sender's name). */
  private applyReady(): void {
    while (this.pending.size > 0 && !this.locked) {
      const ready = this.pending.takeReady(this.doc);
      if (ready.length === 0) return;
      for (const { sender, update, decoded } of ready) {
        if (!sender.open) continue;
        try {
          this.integrate(sender, update, decoded);
        } catch (err) {
          this.pending.drop(sender);
          sender.close(err instanceof ProtocolError ? err.code : CloseCode.InternalError);
        }
      }
    }
  }

  /** Check a complete update (size, schema, review status) and apply it. */
  private integrate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    if (update.byteLength > 1024 && this.size.wouldExceed(update.byteLength, MAX_DOCUMENT_BYTES)) {
      throw new ProtocolError(CloseCode.DocumentTooLarge, 'document would exceed its size limit');
    }
    const outside = schemaViolation(decoded, this.doc, RECORD_RULES);
    if (outside) throw new ProtocolError(CloseCode.SchemaViolation, outside);
    const structs = decoded.structs;
    const guard = conn.identity.role !== 'editor' && setsReviewStatus(update, this.doc, structs);
    const before = guard ? snapshotReview(this.doc.getXmlFragment(RECORD_FIELD)) : null;
    const blocks = this.blocks.before(conn.identity, conn, update);
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'update could not be applied');
    }
    if (before && revertReview(this.doc.getXmlFragment(RECORD_FIELD), before) > 0) {
      this.logger.warn('reverted a review-status change by a non-editor', { sessionId: this.sessionId, conn: conn.id });
    }
    if (this.blocks.after(blocks).undone) this.logger.warn('undid a change to a final block', { conn: conn.id });
  }

  private applyAwareness(conn: Connection, update: Uint8Array): void {
    if (conn.identity.role === 'observer') return; // observers are invisible
    let entries: ReturnType<typeof readAwarenessEntries>;
    try {
      entries = readAwarenessEntries(update);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'awareness update does not decode');
    }
    conn.awarenessClientId = this.presenceIds.bind(conn, conn.awarenessClientId, entries);
    // keep only the socket's own entry: the rest are echoes of other clients (or forgeries)
    for (const e of entries) {
      if (e.clientId !== conn.awarenessClientId) continue;
      if (e.state.length > MAX_PRESENCE_STATE_BYTES) {
        this.logger.warn('dropped an oversized presence state', { sessionId: this.sessionId, conn: conn.id });
        continue;
      }
      this.presenceThrottle.offer(conn, e);
    }
  }

  /** Apply one socket's own presence entry, under the identity the server binds to it. */
  private applyPresence(conn: Connection, entry: AwarenessEntry): void {
    if (!conn.open) return;
    try {
      const bound = { ...entry, state: this.bindIdentity(conn, entry.state) };
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessEntries([bound]), conn);
      const fixes = colourCorrections([entry], [bound], conn.identity.color);
      if (fixes.length > 0) conn.send(writeAwareness(writeAwarenessEntries(fixes)));
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.logger.warn('closing connection', { sessionId: this.sessionId, conn: conn.id, reason: err.message });
      conn.close(err.code);
    }
  }

  /**
   * Overwrite the `user` a client claims with what the server knows of its socket (name and
   * colour given at connect, role from its token), so nobody can present as someone else.
   */
  private bindIdentity(conn: Connection, state: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(state);
    } catch {
      throw new ProtocolError(CloseCode.MalformedMessage, 'awareness state is not JSON');
    }
    if (parsed === null) return state; // the client leaving
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ProtocolError(CloseCode.MalformedMessage, 'awareness state must be an object');
    }
    const { name, color, role } = conn.identity;
    const next = { ...(parsed as Record<string, unknown>), user: { name, color, role } };
    delete (next as Record<string, unknown>).server; // only the server speaks for the room
    return JSON.stringify(next);
  }

  /**
   * Everything a socket may see of the room's presence: note-takers and editors see everyone's
   * caret; observers see only the room's own entry (status, lock, observer count). The observer
   * view draws no carets, and observers are most of a large room: sending them every caret move
   * (which the stock client would then send back) was most of the server's and clients' work.
   */
  private presenceFor(role: PresenceRole): Uint8Array {
    const ids = role === 'observer' ? [this.doc.clientID] : [...this.awareness.getStates().keys()];
    return writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * Whether the room's changed entry must go to observers: only when the facts they show changed
   * (lock, status, publication). Neither the observer count, which their view does not show, nor
   * the server's periodic renewal of its entry is worth a frame to every observer (and the stock
   * client's echo of each): the observer view keeps the last facts it was told even after its
   * copy of the entry times out (client/src/editor/useRoomState.ts).
   */
  private observersNeedRoomEntry(): boolean {
    const facts = `${this.locked}|${this.facts.status}|${this.facts.public}`;
    if (facts === this.observerFacts) return false;
    this.observerFacts = facts;
    return true;
  }

  /** Observers came or went: publish the count within ROOM_STATE_INTERVAL_MS, once for a crowd. */
  private observersChanged(): void {
    this.roomStateTimer ??= setTimeout(() => {
      this.roomStateTimer = null;
      this.publishRoomState();
    }, ROOM_STATE_INTERVAL_MS);
  }

  private publishRoomState(): void {
    if (this.roomStateTimer) {
      clearTimeout(this.roomStateTimer);
      this.roomStateTimer = null;
    }
    this.awareness.setLocalState({ server: { observers: this.observerCount, locked: this.locked, ...this.facts } });
  }

  /** Tell every client the session's status and publication (they change without a reload). */
  setSessionFacts(facts: { status: string; public: boolean }): void {
    if (facts.status === this.facts.status && facts.public === this.facts.public) return;
    this.facts = { status: facts.status, public: facts.public };
    this.publishRoomState();
  }

  /** Whether the document is locked (session final). */
  get isLocked(): boolean {
    return this.locked;
  }

  /** Lock or unlock the document (session final / reopened); tells every client. */
  setLocked(locked: boolean): void {
    if (this.locked === locked) return;
    this.locked = locked;
    this.publishRoomState();
    if (!locked) {
      // edits refused while locked left gaps in their clients' clocks: ask every writer for
      // what we lack, so their later edits integrate and nothing typed is lost
      const step1 = writeSyncStep1(Y.encodeStateVector(this.doc));
      for (const c of this.connections) if (c.identity.role !== 'observer') c.send(step1);
    }
  }

  /**
   * Make sure every writer's edits have arrived, then lock and store them. Each writer is sent a
   * SyncStep1; its SyncStep2 answer comes after every update it sent before (one ordered socket),
   * and carries anything the server still lacks. Writers that do not answer within `timeoutMs`
   * keep their edits in their offline copy. Resolves false if storing fails (then unlocked).
   */
  async finalise(timeoutMs = 3_000): Promise<boolean> {
    const writers = [...this.connections].filter((c) => c.identity.role !== 'observer');
    await Promise.all(
      writers.map(
        (c) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            c.step2Waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
            c.send(writeSyncStep1(Y.encodeStateVector(this.doc)));
          }),
      ),
    );
    this.setLocked(true);
    const stored = await this.flush(Date.now() + 10_000);
    if (!stored) this.setLocked(false);
    return stored;
  }

  /** Close the sockets opened with any of these token hashes (links rotated away). */
  closeTokens(hashes: ReadonlySet<string>): number {
    let closed = 0;
    for (const c of [...this.connections]) {
      if (c.identity.tokenHash && hashes.has(c.identity.tokenHash)) {
        c.close(CloseCode.Unauthorized, 'link revoked');
        closed++;
      }
    }
    return closed;
  }

  private announcePersisted(stateVector: Uint8Array): void {
    this.persistedFrame = writePersistedFrame(stateVector);
    // Observers have nothing to save: with hundreds of them, acknowledging each flush to every
    // socket would be most of the server's traffic. They get one on joining, and that is all.
    for (const conn of this.connections) {
      if (conn.wantsPersisted && conn.identity.role !== 'observer') conn.send(this.persistedFrame);
    }
    for (const h of this.hooks) h.onPersisted?.(this);
  }

  /**
   * Send what this turn of the event loop produced. A keystroke arrives as an update and a caret
   * move in one read; sending the update and the pending presence together lets each socket write
   * both at once, where separately they cost two system calls. Updates from one sender are merged
   * into one frame, and never echoed to that sender.
   */
  private flushOutbound(): void {
    this.outboundScheduled = null;
    const batch = this.outbound;
    this.outbound = [];
    const byOrigin = new Map<unknown, Uint8Array[]>();
    for (const { update, origin } of batch) {
      const list = byOrigin.get(origin);
      if (list) list.push(update);
      else byOrigin.set(origin, [update]);
    }
    const updates: OutboundUpdate[] = [];
    for (const [origin, list] of byOrigin) {
      const update = list.length === 1 ? list[0]! : Y.mergeUpdates(list);
      updates.push({ origin, update, wire: binaryFrame(writeUpdate(update)) });
    }
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer);
      this.awarenessTimer = null;
    }
    this.fanouts.hit();
    const batchMs = this.observerBatchMs();
    if (batchMs > 0) {
      for (const u of updates) this.observerPending.push(u.update);
      this.observerTimer ??= setTimeout(() => this.flushObservers(), batchMs);
    }
    this.deliver(updates, this.takePresence(), batchMs === 0);
  }

  private flushAwareness(): void {
    this.awarenessTimer = null;
    this.deliver([], this.takePresence(), true);
  }

  /**
   * How long observers' updates are held to be sent together: zero while the room's observer
   * traffic (fan-outs per second × observers) stays within OBSERVER_FRAMES_PER_SECOND; above it,
   * the window that brings it back within (a thousand observers of ten typists: ~50 ms). Writers
   * are never batched; observers of a busy room see each change a few tens of ms later, in
   * exchange for the server (and every observer) handling a few frames a second instead of fifty.
   */
  private observerBatchMs(): number {
    if (this.observerCount === 0) return 0;
    const demand = this.fanouts.perSecond() * this.observerCount;
    if (demand <= this.observerFramesPerSecond) return 0;
    return Math.min(OBSERVER_BATCH_MAX_MS, Math.ceil((this.observerCount * 1000) / this.observerFramesPerSecond));
  }

  /** Send observers what their batch window gathered, merged into one frame. */
  private flushObservers(): void {
    this.observerTimer = null;
    const pending = this.observerPending;
    this.observerPending = [];
    if (pending.length === 0) return;
    const wire = [binaryFrame(writeUpdate(pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending)))];
    for (const conn of this.connections) if (conn.identity.role === 'observer') conn.write(wire);
  }

  /**
   * The presence changes gathered since the last delivery, framed once: every change for writers,
   * and the room's own entry for observers when they need it (see observersNeedRoomEntry).
   */
  private takePresence(): OutboundPresence | null {
    if (this.awarenessChanged.size === 0) return null;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    const all = binaryFrame(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    const roomId = this.doc.clientID;
    const forObservers = !(changed.includes(roomId) && this.observersNeedRoomEntry())
      ? null
      : changed.length === 1
        ? all
        : binaryFrame(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [roomId])));
    return { all, forObservers, only: changed.length === 1 ? changed[0]! : null };
  }

  /**
   * Write each socket its share of a delivery: the update frames of other senders, and presence
   * (writers: all changes but an echo of their own caret alone; observers: the room's entry).
   * Frames are shared buffers, encoded once for the room.
   */
  private deliver(
    updates: readonly OutboundUpdate[],
    presence: OutboundPresence | null,
    observersGetUpdates: boolean,
  ): void {
    const parts: Buffer[] = [];
    for (const conn of this.connections) {
      parts.length = 0;
      const observer = conn.identity.role === 'observer';
      if (!observer || observersGetUpdates) for (const u of updates) if (u.origin !== conn) parts.push(u.wire);
      if (presence) {
        if (observer) {
          if (presence.forObservers) parts.push(presence.forObservers);
        } else if (presence.only === null || presence.only !== conn.awarenessClientId) {
          parts.push(presence.all);
        }
      }
      conn.write(parts);
    }
  }

  /** Store everything pending; true when nothing is left unstored. */
  flush(deadline?: number): Promise<boolean> {
    return this.queue.drain(deadline);
  }

  /** Close every socket and release timers. Call after a successful flush. */
  destroy(code: CloseCodeId = CloseCode.GoingAway): void {
    for (const conn of [...this.connections]) conn.close(code);
    this.connections.clear();
    this.queue.close();
    this.presenceThrottle.destroy();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.roomStateTimer) clearTimeout(this.roomStateTimer);
    if (this.observerTimer) clearTimeout(this.observerTimer);
    if (this.outboundScheduled) clearImmediate(this.outboundScheduled);
    for (const h of this.hooks) h.onDestroy?.(this);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** What a socket may see of presence: writers (note-takers, editors) everything, observers the room. */
type PresenceRole = 'writer' | 'observer';

function presenceRole(conn: Connection): PresenceRole {
  return conn.identity.role === 'observer' ? 'observer' : 'writer';
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The update of one sender in this turn, and its frame for the wire. */
interface OutboundUpdate {
  origin: unknown;
  update: Uint8Array;
  wire: Buffer;
}

/** Presence changes framed for the wire; `only` is the client id when a single entry changed. */
interface OutboundPresence {
  all: Buffer;
  forObservers: Buffer | null;
  only: number | null;
}
