import { describe, expect, it } from 'vitest';
import type { RoomState } from '../editor/useRoomState.ts';
import { sessionStateMeaning, sessionStateOf } from './sessionState.ts';

const room = (patch: Partial<RoomState>): RoomState => ({
  locked: false,
  observers: 0,
  known: true,
  status: 'live',
  isPublic: false,
  ...patch,
});

describe('sessionStateOf', () => {
  it("follows the room's announced status once it is known", () => {
    expect(sessionStateOf(room({ status: 'review' }), 'live')).toBe('review');
    expect(sessionStateOf(room({ status: 'live' }), 'review')).toBe('live');
  });

  it('reads a locked room as final whatever status it names', () => {
    expect(sessionStateOf(room({ locked: true, status: 'review' }), 'live')).toBe('final');
  });

  it('keeps what HTTP said while the room has not spoken, or names no known status', () => {
    expect(sessionStateOf(room({ known: false, status: null }), 'review')).toBe('review');
    expect(sessionStateOf(room({ status: 'archived' }), 'final')).toBe('final');
    expect(sessionStateOf(room({ known: false }), null)).toBeNull();
  });
});

describe('sessionStateMeaning', () => {
  it('says what the record is in review without calling it live', () => {
    expect(sessionStateMeaning('review')).toMatch(/checked by the editors/);
    for (const s of ['live', 'review', 'final'] as const) expect(sessionStateMeaning(s)).not.toMatch(/live/i);
  });
});
