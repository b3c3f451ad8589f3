/**
 * The session's state (in progress, in review, final) as every page shows it: from the room's
 * announcement once the server's entry has arrived (it changes without a reload), else as last
 * read over HTTP. A separate thing from the connection: losing the server leaves it as it was.
 */
import type { Session } from '../api/sessions.ts';
import type { RoomState } from '../editor/useRoomState.ts';

/** A session's state. */
export type SessionState = Session['status'];

const STATES: readonly string[] = ['live', 'review', 'final'] satisfies SessionState[];

/** The state to show: the room's word when known (its lock means final), else `fallback`. */
export function sessionStateOf(room: RoomState, fallback: SessionState | null): SessionState | null {
  if (!room.known) return fallback;
  if (room.locked) return 'final';
  return room.status !== null && STATES.includes(room.status) ? (room.status as SessionState) : fallback;
}

/** What each state means to a reader of the record, in a few words. */
export function sessionStateMeaning(state: SessionState): string {
  switch (state) {
    case 'live':
      return 'Draft minutes, typed as the meeting runs; not yet checked';
    case 'review':
      return 'Draft minutes, being checked by the editors';
    case 'final':
      return 'Final minutes';
  }
}
