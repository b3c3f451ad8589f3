/**
 * The room's shared vocabulary: message and presence types, the origin of changes that came
 * from another process, and the interfaces through which the room reaches the parts attached to
 * it (rooms.ts wires them), so room.ts itself imports none of them.
 */
import type { Connection } from './connection.ts';

export type { ClientMessage, DecodedUpdate } from './codec.ts';

/**
 * Origin of updates and presence applied from another process of a cluster: broadcast to this
 * process's sockets like any change, never appended to the log here (their receiver stores them).
 */
export const REMOTE_ORIGIN = 'relay';

/** What a socket may see of presence: writers (note-takers, editors) everything, observers the room. */
export type PresenceRole = 'writer' | 'observer';

/** The presence role of a socket. */
export function presenceRole(conn: Connection): PresenceRole {
  return conn.identity.role === 'observer' ? 'observer' : 'writer';
}

/** An awareness 'update' event's lists of client ids. */
export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The update of one sender in this turn, and its frame for the wire. */
export interface OutboundUpdate {
  origin: unknown;
  update: Uint8Array;
  wire: Buffer;
}

/** Presence changes framed for the wire; `only` is the client id when a single entry changed. */
export interface OutboundPresence {
  all: Buffer;
  forObservers: Buffer | null;
  only: number | null;
}

/** Session state shown to every client through the room's own awareness entry. */
export interface SessionState {
  status: string;
  public: boolean;
}

/** Where a room's updates are stored (the persistence hook's write queue). */
export interface RoomStore {
  /** True while some update is not yet committed. */
  readonly dirty: boolean;
  /** Commits made. */
  readonly writes: number;
  /** Consecutive failed writes. */
  readonly failureCount: number;
  push(update: Uint8Array): void;
  /** Store everything pending, retrying until `deadline`; true when nothing is left unstored. */
  drain(deadline?: number): Promise<boolean>;
  close(): void;
}

/** A socket's frames applied to the room (messageReceiver.ts). */
export interface FrameReceiver {
  /** Handle one raw frame from a socket in the room; bad frames close only that socket. */
  receive(conn: Connection, frame: Uint8Array): void;
  /** Apply an update from another process, then whatever held update it completes. */
  applyRemote(update: Uint8Array): void;
}

/** Session state, the final lock, finalise and revocation (roomState.ts). */
export interface RoomStateControls {
  setSessionState(state: SessionState): void;
  setLocked(locked: boolean): void;
  /** Ask every writer here for what we lack; resolves when each answered or `timeoutMs` passed. */
  syncWriters(timeoutMs: number): Promise<void>;
  /** Writers' last keystrokes, then lock and store; false (and unlocked) if storing failed. */
  finalise(timeoutMs?: number): Promise<boolean>;
  /** Close the sockets opened with any of these token hashes; how many. */
  closeTokens(hashes: ReadonlySet<string>): number;
  /** Observers on other processes, added to the count shown. */
  setRemoteObservers(count: number): void;
  /** Observers joined or left: publish the count soon. */
  observersChanged(): void;
}

/** A part attached to a room that follows sockets and the room's end. */
export interface RoomPart {
  join?(conn: Connection): void;
  leave?(conn: Connection): void;
  destroy?(): void;
}
