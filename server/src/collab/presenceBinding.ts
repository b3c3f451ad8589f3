/**
 * Which awareness client id each socket of a room speaks for (issue 12, item 6). A socket is
 * bound to the first entry it sends that has a state, is not the room's own id (the server's
 * entry carries the room state: status, lock) and is not bound to another live socket: the stock
 * client echoes every entry it receives, and a forger claims someone else's. So a forged claim
 * binds nothing, and closing the forger can never withdraw the victim's presence.
 */
import type { AwarenessEntry } from './awarenessFilter.ts';

/** The binding of awareness ids to sockets in one room. */
export class PresenceBinding<S> {
  private readonly owners = new Map<number, S>();

  /** `roomId` is the room's own (server) awareness id, which no socket may claim. */
  constructor(private readonly roomId: number) {}

  /** The id `socket` speaks for: `current` if bound already, else the first entry it may take. */
  bind(socket: S, current: number | null, entries: readonly AwarenessEntry[]): number | null {
    if (current !== null) return current;
    for (const e of entries) {
      if (e.state === 'null' || e.clientId === this.roomId || this.owners.has(e.clientId)) continue;
      this.owners.set(e.clientId, socket);
      return e.clientId;
    }
    return null;
  }

  /** Whether `id` is bound to `socket` (its presence may be withdrawn when it leaves). */
  owns(socket: S, id: number): boolean {
    return this.owners.get(id) === socket;
  }

  /** The socket left: its id is free again (the same client reconnecting takes it back). */
  release(socket: S, id: number | null): void {
    if (id !== null && this.owners.get(id) === socket) this.owners.delete(id);
  }
}
