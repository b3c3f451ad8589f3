import type { SaveState, SaveTracker } from '@rapporteur/shared/protocol';
import { useCallback, useSyncExternalStore } from 'react';

/** The tracker's save state, re-rendering only when it changes. */
export function useSaveState(tracker: SaveTracker): SaveState {
  const subscribe = useCallback((onChange: () => void) => tracker.subscribe(onChange), [tracker]);
  return useSyncExternalStore(subscribe, () => tracker.current);
}
