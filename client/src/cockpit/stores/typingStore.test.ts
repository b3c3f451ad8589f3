import { TYPING_RECENT_MS } from '@rapporteur/shared/cockpit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { TypingStore } from './typingStore.ts';

afterEach(() => vi.useRealTimers());

/** Our awareness, and Ben's state as it would arrive from the server. */
function setup() {
  vi.useFakeTimers();
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const store = new TypingStore(awareness, () => Date.now());
  const ben = (typing: unknown) => {
    awareness.states.set(7, { user: { name: 'Ben', color: '#1f6feb' }, typing });
    awareness.emit('change', [{ added: [], updated: [7], removed: [] }, 'remote']);
  };
  return { doc, awareness, store, ben };
}

describe('TypingStore', () => {
  it('shows who is typing in a block until a few seconds after their last announcement', () => {
    const { doc, awareness, store, ben } = setup();
    ben({ blockId: 'b1', at: 1 });
    expect(store.typistsIn('b1')).toEqual([{ clientId: 7, name: 'Ben', color: '#1f6feb' }]);
    vi.advanceTimersByTime(TYPING_RECENT_MS - 1000);
    ben({ blockId: 'b1', at: 2 }); // still typing: the time starts over
    vi.advanceTimersByTime(TYPING_RECENT_MS - 1000);
    expect(store.typistsIn('b1')).toHaveLength(1);
    vi.advanceTimersByTime(1100); // the store wakes itself when it runs out
    expect(store.typistsIn('b1')).toEqual([]);
    store.destroy();
    awareness.destroy();
    doc.destroy();
  });

  it('ignores our own typing and malformed entries', () => {
    const { doc, awareness, store, ben } = setup();
    awareness.setLocalStateField('typing', { blockId: 'b1', at: 1 });
    ben({ blockId: 42 });
    expect(store.get().size).toBe(0);
    store.destroy();
    awareness.destroy();
    doc.destroy();
  });
});
