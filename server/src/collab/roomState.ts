/**
 * A room's session state and what follows from them: status and publication shown to every
 * client through the room's own awareness entry, with the observer count; the final lock;
 * finalise (every writer's last keystrokes, then lock and store); closing revoked links' sockets.
 */
import * as Y from 'yjs';
import { CloseCode, ROOM_STATE_INTERVAL_MS } from '@rapporteur/shared/protocol';
import { writeSyncStep1 } from './codec.ts';
import type { Room } from './room.ts';
import type { RoomPart, RoomStateControls, SessionState } from './types.ts';

/** The session state of one room: status, publication, observer count, lock. */
export class RoomState implements RoomStateControls, RoomPart {
  /** A pending publication of the observer count (joins and leaves are coalesced). */
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly room: Room) {}

  /** Observers came or went: publish the count within ROOM_STATE_INTERVAL_MS, once for a crowd. */
  observersChanged(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.publish();
    }, ROOM_STATE_INTERVAL_MS);
  }

  /** Observers connected to other processes of a cluster. */
  setRemoteObservers(count: number): void {
    if (this.room.observers.remote === count) return;
    this.room.observers.remote = count;
    this.observersChanged();
  }

  private publish(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const { observers, locked, sessionState } = this.room;
    this.room.awareness.setLocalState({
      server: { observers: observers.local + observers.remote, locked, ...sessionState },
    });
  }

  /** Tell every client the session's status and publication (they change without a reload). */
  setSessionState(state: SessionState): void {
    const current = this.room.sessionState;
    if (state.status === current.status && state.public === current.public) return;
    this.room.sessionState = { status: state.status, public: state.public };
    this.publish();
  }

  /** Lock or unlock the document (session final / reopened); tells every client. */
  setLocked(locked: boolean): void {
    if (this.room.locked === locked) return;
    this.room.locked = locked;
    this.publish();
    if (!locked) {
      // edits refused while locked left gaps in their clients' clocks: ask every writer for
      // what we lack, so their later edits integrate and nothing typed is lost
      const step1 = writeSyncStep1(Y.encodeStateVector(this.room.doc));
      for (const c of this.room.connections) if (c.identity.role !== 'observer') c.send(step1);
    }
  }

  /**
   * Ask every writer for what we lack. Each is sent a SyncStep1; its SyncStep2 answer comes after
   * every update it sent before (one ordered socket), and carries anything the server still
   * lacks. Resolves when every writer answered or `timeoutMs` passed (a writer that does not
   * answer keeps its edits in its offline copy).
   */
  async syncWriters(timeoutMs: number): Promise<void> {
    const writers = [...this.room.connections].filter((c) => c.identity.role !== 'observer');
    const step1 = writeSyncStep1(Y.encodeStateVector(this.room.doc));
    await Promise.all(
      writers.map(
        (c) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            c.step2Waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
            c.send(step1);
          }),
      ),
    );
  }

  /**
   * Make sure every writer's edits have arrived, then lock and store them. Resolves false if
   * storing fails (then unlocked).
   */
  async finalise(timeoutMs = 3_000): Promise<boolean> {
    await this.syncWriters(timeoutMs);
    this.setLocked(true);
    const stored = await this.room.flush(Date.now() + 10_000);
    if (!stored) this.setLocked(false);
    return stored;
  }

  /** Close the sockets opened with any of these token hashes (links rotated away). */
  closeTokens(hashes: ReadonlySet<string>): number {
    let closed = 0;
    for (const c of [...this.room.connections]) {
      if (c.identity.tokenHash && hashes.has(c.identity.tokenHash)) {
        c.close(CloseCode.Unauthorized, 'link revoked');
        closed++;
      }
    }
    return closed;
  }

  /** RoomPart: release the timer. */
  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
