/**
 * A room's broadcast: frames built once per room and written to every receiver. Updates of one
 * event-loop turn go out together with the presence changes gathered meanwhile; an update is
 * never echoed to its sender; observers of a busy room get their updates in short merged
 * batches; joiners get the state vector and presence framed once until either changes.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AWARENESS_TICK_MS, OBSERVER_BATCH_MAX_MS, OBSERVER_FRAMES_PER_SECOND } from '@rapporteur/shared/protocol';
import { writeAwareness, writeSyncStep1, writeUpdate } from './codec.ts';
import type { Connection } from './connection.ts';
import { RateMeter } from './rateMeter.ts';
import type { Room } from './room.ts';
import {
  type AwarenessChange,
  type OutboundPresence,
  type OutboundUpdate,
  type PresenceRole,
  presenceRole,
  type RoomPart,
} from './types.ts';
import { binaryFrame } from './wireFrame.ts';

/** Fan-out of one room's changes to its sockets. */
export class Broadcast implements RoomPart {
  /** What every joiner of a role is sent first (SyncStep1 and presence), framed once until a change. */
  private readonly joinFramesByRole: Record<PresenceRole, Buffer | null> = { writer: null, observer: null };
  private readonly awarenessChanged = new Set<number>();
  /** Updates integrated in this turn of the event loop, sent together when it ends. */
  private outbound: { update: Uint8Array; origin: unknown }[] = [];
  private outboundScheduled: NodeJS.Immediate | null = null;
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Update fan-outs per second, which with the observer count decides observer batching. */
  private readonly fanouts = new RateMeter();
  /** Updates held for observers while their batch window is open. */
  private observerPending: Uint8Array[] = [];
  private observerTimer: NodeJS.Timeout | null = null;
  /** The state observers were last sent in the room's entry. */
  private observerShown = '';

  constructor(
    private readonly room: Room,
    private readonly observerFramesPerSecond = OBSERVER_FRAMES_PER_SECOND,
  ) {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.forgetJoinFrames();
      this.outbound.push({ update, origin });
      this.outboundScheduled ??= setImmediate(() => this.flushOutbound());
    });
    room.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      this.forgetJoinFrames();
      for (const id of added) this.awarenessChanged.add(id);
      for (const id of updated) this.awarenessChanged.add(id);
      for (const id of removed) this.awarenessChanged.add(id);
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_TICK_MS);
    });
  }

  /** RoomPart: greet a joiner with our state vector (writers only) and the presence its role may see. */
  join(conn: Connection): void {
    conn.write([this.joinFrames(presenceRole(conn))]);
  }

  /**
   * Our state vector (writers only) and the presence a role may see, framed for the wire once and
   * reused by every joiner until the document or presence changes: a crowd arriving together costs
   * one encoding, not one per socket.
   */
  private joinFrames(role: PresenceRole): Buffer {
    const cached = this.joinFramesByRole[role];
    if (cached) return cached;
    const frames = [binaryFrame(this.room.presenceFor(role))];
    // only writers are asked what they have that we lack: an observer's answer would be dropped
    if (role === 'writer') frames.unshift(binaryFrame(writeSyncStep1(Y.encodeStateVector(this.room.doc))));
    const wire = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    this.joinFramesByRole[role] = wire;
    return wire;
  }

  private forgetJoinFrames(): void {
    this.joinFramesByRole.writer = null;
    this.joinFramesByRole.observer = null;
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
    const observers = this.room.observers.local;
    if (observers === 0) return 0;
    const demand = this.fanouts.perSecond() * observers;
    if (demand <= this.observerFramesPerSecond) return 0;
    return Math.min(OBSERVER_BATCH_MAX_MS, Math.ceil((observers * 1000) / this.observerFramesPerSecond));
  }

  /** Send observers what their batch window gathered, merged into one frame. */
  private flushObservers(): void {
    this.observerTimer = null;
    const pending = this.observerPending;
    this.observerPending = [];
    if (pending.length === 0) return;
    const wire = [binaryFrame(writeUpdate(pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending)))];
    for (const conn of this.room.connections) if (conn.identity.role === 'observer') conn.write(wire);
  }

  /**
   * Whether the room's changed entry must go to observers: only when the state they show changed
   * (lock, status, publication). Neither the observer count, which their view does not show, nor
   * the server's periodic renewal of its entry is worth a frame to every observer (and the stock
   * client's echo of each): the observer view keeps the last state it was told even after its
   * copy of the entry times out (client/src/editor/useRoomState.ts).
   */
  private observersNeedRoomEntry(): boolean {
    const { locked, sessionState } = this.room;
    const shown = `${locked}|${sessionState.status}|${sessionState.public}`;
    if (shown === this.observerShown) return false;
    this.observerShown = shown;
    return true;
  }

  /**
   * The presence changes gathered since the last delivery, framed once: every change for writers,
   * and the room's own entry for observers when they need it (see observersNeedRoomEntry).
   */
  private takePresence(): OutboundPresence | null {
    if (this.awarenessChanged.size === 0) return null;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    const { awareness } = this.room;
    const all = binaryFrame(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, changed)));
    const roomId = this.room.doc.clientID;
    const forObservers = !(changed.includes(roomId) && this.observersNeedRoomEntry())
      ? null
      : changed.length === 1
        ? all
        : binaryFrame(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [roomId])));
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
    for (const conn of this.room.connections) {
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

  /** RoomPart: release timers. */
  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.observerTimer) clearTimeout(this.observerTimer);
    if (this.outboundScheduled) clearImmediate(this.outboundScheduled);
  }
}
