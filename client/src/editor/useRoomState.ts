import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** What the server publishes about the room in its own awareness entry. */
export interface RoomState {
  /** The session is final: the server refuses every change until an editor reopens it. */
  locked: boolean;
  /** How many observers follow the record (they are otherwise invisible). */
  observers: number;
  /** Whether the server's entry has arrived (before it, `locked` says nothing). */
  known: boolean;
  /** The session's status and publication as last announced (changes arrive without a reload). */
  status: string | null;
  isPublic: boolean | null;
}

function readRoom(awareness: Awareness): RoomState {
  for (const state of awareness.getStates().values()) {
    const server = (state as { server?: { locked?: unknown; observers?: unknown; status?: unknown; public?: unknown } })
      .server;
    if (server) {
      return {
        locked: server.locked === true,
        observers: Number(server.observers) || 0,
        known: true,
        status: typeof server.status === 'string' ? server.status : null,
        isPublic: typeof server.public === 'boolean' ? server.public : null,
      };
    }
  }
  return { locked: false, observers: 0, known: false, status: null, isPublic: null };
}

/**
 * The room state after a presence change. The server's entry can vanish from a client's copy
 * without the state changing: observers are sent it only when the state changes, so their copy
 * times out after 30 s, and a dropped socket clears every remote entry. The last state heard
 * stay true until the server says otherwise.
 */
export function nextRoomState(prev: RoomState, read: RoomState): RoomState {
  return !read.known && prev.known ? prev : read;
}

/** The room's state as the server announces it, updated as it changes. */
export function useRoomState(awareness: Awareness): RoomState {
  const [room, setRoom] = useState<RoomState>(() => readRoom(awareness));
  useEffect(() => {
    const onChange = () =>
      setRoom((prev) => {
        const next = nextRoomState(prev, readRoom(awareness));
        const same =
          next.locked === prev.locked &&
          next.observers === prev.observers &&
          next.known === prev.known &&
          next.status === prev.status &&
          next.isPublic === prev.isPublic;
        return same ? prev : next;
      });
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return room;
}
