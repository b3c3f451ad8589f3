import { describe, expect, it } from 'vitest';
import { nextRoomState, type RoomState } from './useRoomState.ts';

const unknown: RoomState = { locked: false, observers: 0, known: false, status: null, isPublic: null };
const final: RoomState = { locked: true, observers: 3, known: true, status: 'final', isPublic: true };

describe('nextRoomState', () => {
  it('keeps the last room state heard when the server entry times out or the socket drops', () => {
    expect(nextRoomState(final, unknown)).toBe(final);
  });

  it('takes whatever the server says next, and stays unknown until it has said anything', () => {
    const reopened: RoomState = { ...final, locked: false, status: 'live' };
    expect(nextRoomState(final, reopened)).toBe(reopened);
    expect(nextRoomState(unknown, unknown)).toBe(unknown);
  });
});
