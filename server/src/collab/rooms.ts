import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { OBSERVER_FRAMES_PER_SECOND } from '@rapporteur/shared/protocol';
import { Broadcast } from './broadcast.ts';
import { MessageReceiver } from './messageReceiver.ts';
import { Presence } from './presence.ts';
import { Room, type RoomHooks } from './room.ts';
import { RoomState } from './roomState.ts';

/** Options for every room of a registry. */
export interface RoomPartsOptions {
  /** Observer update frames per second before batching (default OBSERVER_FRAMES_PER_SECOND; tests lower it). */
  observerFramesPerSecond?: number;
  /** How long a room stays loaded after its last socket left (default ROOM_LINGER_MS; 0: unloaded at once). */
  lingerMs?: number;
}

/** How long a prefetched room stays loaded waiting for its first socket. */
export const PREFETCH_HOLD_MS = 15_000;

/**
 * How long a room stays loaded after its last socket left. A page reloaded, or a connection that
 * drops and comes back (a note-taker on flaky wifi), finds its room in memory instead of a new
 * load: at 1,000 blocks each unload and load held the server's thread for ~100 and ~250-450 ms.
 */
export const ROOM_LINGER_MS = 10_000;

/**
 * The rooms loaded in this process, by session id. A room is loaded on first join (concurrent
 * joiners share one load) and unloaded when its last socket has left and its linger is over
 * (ROOM_LINGER_MS), but only after everything it holds is stored: a room with unsaved changes is
 * never dropped from memory.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /**
   * Pins per session: callers between acquire() and joining (or abandoning), and prefetches. A
   * pinned room is not unloaded: a socket still passing the gate, or a restore in progress, would otherwise find
   * itself in a destroyed room.
   */
  private readonly pins = new Map<string, number>();
  /** Rooms whose load finished, for synchronous walks (closing revoked sockets). */
  private readonly loaded = new Map<string, Room>();
  /** Sessions loaded ahead of their first socket, each pinning its room until a timer ends. */
  private readonly prefetches = new Map<string, NodeJS.Timeout>();
  /** Rooms whose last socket left, each pinned until a timer ends (ROOM_LINGER_MS). */
  private readonly lingering = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly log: Pick<UpdateLog, 'load'>,
    private readonly logger: Logger,
    private readonly hooks: readonly RoomHooks[] = [],
    private readonly roomOptions: RoomPartsOptions = {},
  ) {}

  /**
   * The room of a session, loading it from the update log when needed. The room is pinned
   * (never unloaded) until the caller calls unpin() (after its socket joined, or when it gives up).
   */
  acquire(sessionId: string): Promise<Room> {
    this.pinSession(sessionId);
    // a joiner's pin takes over from the prefetch's, or the linger's
    this.endHold(this.prefetches, sessionId);
    this.endHold(this.lingering, sessionId);
    return this.load(sessionId).catch((err) => {
      this.unpinSession(sessionId);
      throw err;
    });
  }

  /**
   * Start loading a session's room before anyone joins (the session was just created, or its
   * page asked for it), so the first socket finds it in memory. The room is pinned until a socket
   * acquires it or `holdMs` passes; a failed load is only logged (the joiner will try again).
   */
  prefetch(sessionId: string, holdMs = PREFETCH_HOLD_MS): void {
    if (this.prefetches.has(sessionId) || this.rooms.has(sessionId)) return;
    this.hold(this.prefetches, sessionId, holdMs);
    this.load(sessionId).catch((err) => {
      this.logger.warn('room prefetch failed', { sessionId, err });
      this.endHold(this.prefetches, sessionId);
    });
  }

  /** Pin a session's room for `ms` (a prefetch, or a linger after its last socket left). */
  private hold(holds: Map<string, NodeJS.Timeout>, sessionId: string, ms: number): void {
    this.pinSession(sessionId);
    const timer = setTimeout(() => this.endHold(holds, sessionId), ms);
    timer.unref();
    holds.set(sessionId, timer);
  }

  /** End a hold before its time or at it: unpinned, the room unloads if nobody else holds it. */
  private endHold(holds: Map<string, NodeJS.Timeout>, sessionId: string): void {
    const timer = holds.get(sessionId);
    if (!timer) return;
    clearTimeout(timer);
    holds.delete(sessionId);
    this.unpinSession(sessionId);
    const room = this.loaded.get(sessionId);
    if (room) void this.unload(room).catch((err) => this.logger.error('room release failed', { sessionId, err }));
  }

  /** The loaded or loading room of a session; concurrent callers share one load. */
  private load(sessionId: string): Promise<Room> {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = this.log.load(sessionId).then((loaded) => {
        const r = this.wire(new Room({ sessionId, logger: this.logger, loaded, hooks: this.hooks }));
        this.loaded.set(sessionId, r);
        return r;
      });
      this.rooms.set(sessionId, room);
      // a failed load is not cached: the next joiner tries again
      room.catch(() => this.rooms.delete(sessionId));
    }
    return room;
  }

  /**
   * Attach a new room's parts (frames, presence, session state, broadcast), then start it: the hooks see
   * it loaded (persistence attaches its write queue) before any socket joins.
   */
  private wire(room: Room): Room {
    const presence = new Presence(room);
    const receiver = new MessageReceiver(room, presence);
    const state = new RoomState(room);
    room.receiver = receiver;
    room.state = state;
    room.attach(new Broadcast(room, this.roomOptions.observerFramesPerSecond ?? OBSERVER_FRAMES_PER_SECOND));
    room.attach(presence);
    room.attach(receiver);
    room.attach(state);
    room.start();
    return room;
  }

  /** Give back the pin taken by acquire(). */
  unpin(room: Room): void {
    this.unpinSession(room.sessionId);
  }

  private pinSession(sessionId: string): void {
    this.pins.set(sessionId, (this.pins.get(sessionId) ?? 0) + 1);
  }

  private unpinSession(sessionId: string): void {
    const n = (this.pins.get(sessionId) ?? 1) - 1;
    if (n <= 0) this.pins.delete(sessionId);
    else this.pins.set(sessionId, n);
  }

  /** The room of a session if it is loaded (tests, diagnostics). */
  async peek(sessionId: string): Promise<Room | undefined> {
    return this.rooms.get(sessionId);
  }

  /**
   * Called when a socket leaves: once the room is empty, it lingers (ROOM_LINGER_MS), then unloads
   * when everything it holds is stored.
   */
  async release(room: Room): Promise<void> {
    if (this.isBusy(room)) return;
    const lingerMs = this.roomOptions.lingerMs ?? ROOM_LINGER_MS;
    if (lingerMs > 0 && this.loaded.get(room.sessionId) === room && !this.lingering.has(room.sessionId)) {
      this.hold(this.lingering, room.sessionId, lingerMs);
      return;
    }
    await this.unload(room);
  }

  private isBusy(room: Room): boolean {
    return room.connections.size > 0 || (this.pins.get(room.sessionId) ?? 0) > 0;
  }

  /** Unload an empty, unpinned room once everything it holds is stored. */
  private async unload(room: Room): Promise<void> {
    const busy = () => this.isBusy(room);
    if (busy()) return;
    let stored = await room.flush();
    while (!stored) {
      if (busy()) return; // somebody came back; the queue keeps retrying
      stored = await room.flush();
    }
    // no await from here on: a socket joining in between would otherwise land in a destroyed room
    if (busy() || room.queue.dirty) return;
    if (this.loaded.get(room.sessionId) !== room) return;
    this.rooms.delete(room.sessionId);
    this.loaded.delete(room.sessionId);
    room.destroy();
  }

  /** The loaded room of a session, if any (no load is started). */
  loadedRoom(sessionId: string): Room | undefined {
    return this.loaded.get(sessionId);
  }

  /** Number of loaded rooms. */
  get size(): number {
    return this.rooms.size;
  }

  /** Flush every room (until `deadline`) and close them all. Returns rooms that could not flush. */
  async closeAll(deadline = Date.now() + 10_000): Promise<string[]> {
    const failed: string[] = [];
    for (const holds of [this.prefetches, this.lingering]) {
      for (const timer of holds.values()) clearTimeout(timer);
      holds.clear();
    }
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    this.loaded.clear();
    await Promise.all(
      rooms.map(async (r) => {
        if (r.status !== 'fulfilled') return;
        const ok = await r.value.flush(deadline);
        if (!ok) failed.push(r.value.sessionId);
        r.value.destroy();
      }),
    );
    return failed;
  }
}
