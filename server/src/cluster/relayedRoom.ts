/**
 * What the relay needs of a room, and the origin it applies remote changes with. The relay
 * depends on this contract, not on the room's classes, so it can be tested against a bare Y.Doc;
 * `relayedRoom` adapts a live room to it.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Room } from '../collab/room.ts';
import type * as Y from 'yjs';

import { REMOTE_ORIGIN } from '../collab/types.ts';

/** Origin of updates and presence applied from other processes: broadcast, never appended to the log. */
export const RELAY_ORIGIN = REMOTE_ORIGIN;

/** Session state every process enforces. */
export interface RelayedRoomState {
  status: string;
  public: boolean;
  locked: boolean;
}

/** One live room, as the relay sees it. */
export interface RelayedRoom {
  readonly sessionId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Observers connected to this process. */
  readonly localObservers: number;
  /** Observers connected to the other processes (added to the count shown to clients). */
  setRemoteObservers(count: number): void;
  /** The state as this process knows it. */
  readonly roomState: RelayedRoomState;
  setLocked(locked: boolean): void;
  setSessionState(state: { status: string; public: boolean }): void;
  /** Close this process's sockets opened with any of these token hashes; how many were closed. */
  closeTokens(hashes: ReadonlySet<string>): number;
  /** Ask every writer on this process for what we lack; resolves when each answered or `timeoutMs` passed. */
  syncWriters(timeoutMs: number): Promise<void>;
  /** Store everything this process holds pending; true when nothing is left unstored. */
  flush(deadline?: number): Promise<boolean>;
  /** Apply an update from another process (origin RELAY_ORIGIN). */
  applyRemote(update: Uint8Array): void;
  /** Tell this process's sockets which state is stored (the "persisted" frame). */
  announcePersisted(stateVector: Uint8Array): void;
}

/** A live room as the relay sees it. */
export function relayedRoom(room: Room): RelayedRoom {
  return {
    sessionId: room.sessionId,
    doc: room.doc,
    awareness: room.awareness,
    get localObservers() {
      return room.observers.local;
    },
    setRemoteObservers: (count) => room.state.setRemoteObservers(count),
    get roomState() {
      return { ...room.sessionState, locked: room.locked };
    },
    setLocked: (locked) => room.state.setLocked(locked),
    setSessionState: (state) => room.state.setSessionState(state),
    closeTokens: (hashes) => room.state.closeTokens(hashes),
    syncWriters: (timeoutMs) => room.state.syncWriters(timeoutMs),
    flush: (deadline) => room.flush(deadline),
    applyRemote: (update) => room.receiver.applyRemote(update),
    announcePersisted: (sv) => room.announcePersisted(sv),
  };
}
