import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { Room, type RoomHooks } from './room.ts';

/**
 * The rooms loaded in this process, by session id. A room is loaded on first join (concurrent
 * joiners share one load) and unloaded when its last socket leaves, but only after everything
 * it holds is stored: a room with unsaved changes is never dropped from memory.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /**
   * Callers between acquire() and joining (or giving up), per session. A room with holds is not
   * unloaded: a socket still passing the gate, or a restore in progress, would otherwise find
   * itself in a destroyed room.
   */
  private readonly holds = new Map<string, number>();
  /** Rooms whose load finished, for synchronous walks (closing revoked sockets). */
  private readonly loaded = new Map<string, Room>();

  constructor(
    private readonly log: UpdateLog,
    private readonly logger: Logger,
    private readonly hooks: readonly RoomHooks[] = [],
  ) {}

  /**
   * The room of a session, loading it from the update log when needed. The caller holds the room
   * until it calls unhold() (after its socket joined, or when it gives up).
   */
  acquire(sessionId: string): Promise<Room> {
    this.holds.set(sessionId, (this.holds.get(sessionId) ?? 0) + 1);
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = this.log.load(sessionId).then((loaded) => {
        const r = new Room({ sessionId, log: this.log, logger: this.logger, loaded, hooks: this.hooks });
        this.loaded.set(sessionId, r);
        return r;
      });
      this.rooms.set(sessionId, room);
      // a failed load is not cached: the next joiner tries again
      room.catch(() => this.rooms.delete(sessionId));
    }
    return room.catch((err) => {
      this.unholdSession(sessionId);
      throw err;
    });
  }

  /** Give back the hold taken by acquire(). */
  unhold(room: Room): void {
    this.unholdSession(room.sessionId);
  }

  private unholdSession(sessionId: string): void {
    const n = (this.holds.get(sessionId) ?? 1) - 1;
    if (n <= 0) this.holds.delete(sessionId);
    else this.holds.set(sessionId, n);
  }

  /** The room of a session if it is loaded (tests, diagnostics). */
  async peek(sessionId: string): Promise<Room | undefined> {
    return this.rooms.get(sessionId);
  }

  /** Called when a socket leaves: unload the room once it is empty and fully stored. */
  async release(room: Room): Promise<void> {
    const busy = () => room.connections.size > 0 || (this.holds.get(room.sessionId) ?? 0) > 0;
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
