/**
 * What the HTTP routes do to a session's live room: change its state (status, publication, final
 * lock), close the sockets of revoked links, finalise. Applied to the room loaded in this process
 * and handed to the control hooks, through which a cluster's relay reaches the rooms other
 * processes hold (whether or not this process holds the room itself).
 */
import type { Room } from './room.ts';
import type { RoomRegistry } from './rooms.ts';
import type { SessionState } from './types.ts';

/** Hooks beside this process's rooms (the cluster's relay). */
export interface ControlHooks {
  /** The session state changed here. */
  onRoomState?(sessionId: string, state: SessionState & { locked: boolean }): void;
  /** Links revoked here. */
  onRevoke?(sessionId: string, tokenHashes: readonly string[]): void;
  /** Finalise the room (loaded here for the purpose) across every process; replaces the local finalise. */
  finalise?(room: Room): Promise<boolean>;
}

/** The routes' handle on live rooms, here and (through hooks) elsewhere. */
export class RoomControl {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly hooks: readonly ControlHooks[] = [],
  ) {}

  /** Apply a session state: the lock follows the status (final). */
  setSessionState(sessionId: string, state: SessionState): void {
    const locked = state.status === 'final';
    const room = this.rooms.loadedRoom(sessionId);
    room?.state.setLocked(locked);
    room?.state.setSessionState(state);
    for (const h of this.hooks) h.onRoomState?.(sessionId, { status: state.status, public: state.public, locked });
  }

  /** Close the sockets opened with these token hashes; returns how many this process closed. */
  revoke(sessionId: string, tokenHashes: readonly string[]): number {
    const closed = this.rooms.loadedRoom(sessionId)?.state.closeTokens(new Set(tokenHashes)) ?? 0;
    for (const h of this.hooks) h.onRevoke?.(sessionId, tokenHashes);
    return closed;
  }

  /**
   * Wait for every connected writer's last keystrokes, store them and lock the room. True when
   * stored (or nobody is connected); false leaves the room open.
   */
  async finalise(sessionId: string): Promise<boolean> {
    const across = this.hooks.find((h) => h.finalise);
    if (!across?.finalise) {
      const room = this.rooms.loadedRoom(sessionId);
      return room ? room.state.finalise() : true;
    }
    // in a cluster, writers may be connected to other processes: take part through our own room
    const room = await this.rooms.acquire(sessionId);
    try {
      return await across.finalise(room);
    } finally {
      this.rooms.unpin(room);
      void this.rooms.release(room).catch(() => {});
    }
  }
}
