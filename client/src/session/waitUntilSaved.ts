import type { SaveState } from '@rapporteur/shared/protocol';

/** The part of SaveTracker this needs. */
export interface SaveSource {
  readonly current: SaveState;
  subscribe(fn: (s: SaveState) => void): () => void;
}

const saved = (s: SaveState) => s.acknowledged && s.unsaved === 0;

/**
 * Resolve true once every change made here is acknowledged as stored, false after `timeoutMs`.
 * `onProgress` hears each state on the way (to show how much is still being saved).
 */
export function waitUntilSaved(
  tracker: SaveSource,
  timeoutMs: number,
  onProgress?: (s: SaveState) => void,
): Promise<boolean> {
  if (saved(tracker.current)) return Promise.resolve(true);
  onProgress?.(tracker.current);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      off();
      resolve(ok);
    };
    const off = tracker.subscribe((s) => {
      onProgress?.(s);
      if (saved(s)) done(true);
    });
    const timer = setTimeout(() => done(false), timeoutMs);
  });
}
