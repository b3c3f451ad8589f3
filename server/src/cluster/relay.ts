/**
 * The cross-process relay, as room hooks: every room this process loads gets a RoomLink to the
 * other processes holding it (server/src/cluster/roomLink.ts says what travels). Registered by
 * server.ts only in clustered mode; a single process runs without it, unchanged.
 *
 * Compared with Hocuspocus's Redis extension, which forwards every client message to every
 * instance and lets each handle it in full, and leaves storing to whichever instance wins a lock:
 * here a process publishes one message per room per event-loop turn (its merged update, with the
 * caret moves and "stored" announcements pending), receivers apply it to their
 * document once and broadcast it as any other change, each update is appended by exactly the
 * process whose socket received it, "saved" counts only what some process announced as stored,
 * and a periodic state-vector exchange repairs what pub/sub dropped.
 */
import { AWARENESS_TICK_MS } from '@rapporteur/shared/protocol';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';
import { RELAY_ORIGIN, type RelayedRoom, type RelayedRoomState } from './relayedRoom.ts';
import { RoomLink, type RoomLinkTiming } from './roomLink.ts';
import { STORED_ANNOUNCE_BOUND_MS } from './roomOutbox.ts';
import { roomChannel, writeRelayRevoke, writeRelayRoomState } from './wire.ts';

/**
 * Defaults: a lost message is repaired within ~2 s; a silent process is forgotten after 6 s;
 * "saved" for a change typed on another process reaches clients here at most 400 ms after its
 * commit (at once while its typist goes on typing: it rides with the next keystroke).
 */
export const DEFAULT_RELAY_TIMING: RoomLinkTiming = {
  syncIntervalMs: 2_000,
  presenceTickMs: AWARENESS_TICK_MS,
  peerTimeoutMs: 6_000,
  storedBoundMs: STORED_ANNOUNCE_BOUND_MS,
};

/** Room hooks that share each live room with the other processes of the cluster. */
export class Relay {
  private readonly links = new Map<string, RoomLink>();
  private readonly timing: RoomLinkTiming;

  constructor(
    private readonly bus: Bus,
    private readonly logger: Logger,
    timing: Partial<RoomLinkTiming> = {},
  ) {
    this.timing = { ...DEFAULT_RELAY_TIMING, ...timing };
    bus.onReconnect(() => {
      for (const link of this.links.values()) link.resync();
    });
  }

  /** RoomHooks: link the room before any socket joins. */
  onLoad(room: RelayedRoom): void {
    this.links.get(room.sessionId)?.close();
    this.links.set(room.sessionId, new RoomLink(room, this.bus, this.logger, this.timing));
  }

  /** RoomHooks: publish what this process integrated (never what the relay itself applied). */
  onUpdate(room: { sessionId: string }, update: Uint8Array, origin: unknown): void {
    if (origin === RELAY_ORIGIN) return;
    this.links.get(room.sessionId)?.localUpdate(update);
  }

  /** Persistence hook: this process committed `update` for the room. */
  onCommitted(room: { sessionId: string }, update: Uint8Array): void {
    this.links.get(room.sessionId)?.committed(update);
  }

  /** RoomHooks: the room is unloaded here. */
  onDestroy(room: { sessionId: string; doc: unknown }): void {
    const link = this.links.get(room.sessionId);
    if (!link?.isLinkOf(room.doc)) return;
    link.close();
    this.links.delete(room.sessionId);
  }

  /** The link of a loaded room (owner duties, tests). */
  link(sessionId: string): RoomLink | undefined {
    return this.links.get(sessionId);
  }

  /** The stored state vector the cluster agrees on for a loaded room (or null). */
  storedPrefix(sessionId: string): Map<number, number> | null {
    return this.links.get(sessionId)?.stored.prefix() ?? null;
  }

  /** The session state changed here: every process holding the room applies them (loaded here or not). */
  publishRoomState(sessionId: string, state: RelayedRoomState): void {
    this.bus.publish(roomChannel(sessionId), writeRelayRoomState(this.bus.processId, state));
  }

  /** Links were revoked here: every process closes their sockets. */
  publishRevoke(sessionId: string, tokenHashes: readonly string[]): void {
    if (tokenHashes.length === 0) return;
    this.bus.publish(roomChannel(sessionId), writeRelayRevoke(this.bus.processId, tokenHashes));
  }

  /** Finalise a room loaded here across every process holding it (see RoomLink.finalise). */
  finalise(sessionId: string, writerTimeoutMs = 3_000): Promise<boolean> {
    const link = this.links.get(sessionId);
    if (!link) return Promise.resolve(true);
    return link.finalise(writerTimeoutMs, writerTimeoutMs + 12_000);
  }

  /** Leave every room (shutdown; the rooms themselves are flushed and destroyed by the registry). */
  close(): void {
    for (const link of this.links.values()) link.close();
    this.links.clear();
  }
}
