import type { SaveState } from '@rapporteur/shared/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SaveSource, waitUntilSaved } from './waitUntilSaved.ts';

class FakeTracker implements SaveSource {
  current: SaveState = { unsaved: 3, acknowledged: true, counted: true };
  readonly listeners = new Set<(s: SaveState) => void>();
  subscribe(fn: (s: SaveState) => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(s: SaveState) {
    this.current = s;
    for (const fn of [...this.listeners]) fn(s);
  }
}

describe('waiting for this page’s edits to be stored', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves at once when everything is saved', async () => {
    const t = new FakeTracker();
    t.current = { unsaved: 0, acknowledged: true, counted: true };
    await expect(waitUntilSaved(t, 1000)).resolves.toBe(true);
  });

  it('waits for the acknowledgement, reporting progress, and stops listening', async () => {
    const t = new FakeTracker();
    const seen: number[] = [];
    const result = waitUntilSaved(t, 10_000, (s) => seen.push(s.unsaved));
    t.emit({ unsaved: 1, acknowledged: true, counted: true });
    t.emit({ unsaved: 0, acknowledged: true, counted: true });
    await expect(result).resolves.toBe(true);
    expect(seen).toEqual([3, 1, 0]);
    expect(t.listeners.size).toBe(0);
  });

  it('never calls "no acknowledgement yet" saved, and gives up after the timeout', async () => {
    vi.useFakeTimers();
    const t = new FakeTracker();
    t.current = { unsaved: 0, acknowledged: false, counted: false };
    const result = waitUntilSaved(t, 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(result).resolves.toBe(false);
    expect(t.listeners.size).toBe(0);
  });
});
