import { useCallback, useSyncExternalStore } from 'react';

/**
 * A value that React components and editor plugins share, with change notification. The cockpit's
 * state lives outside React because ProseMirror plugins (the claim guard) and node views rendered
 * in portals read and write it.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  /** The current value. */
  get(): T {
    return this.value;
  }

  /** Replace the value; listeners run only when it is a different one. */
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const fn of [...this.listeners]) fn();
  }

  /** Call `fn` after each change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/**
 * Part of a store's value, re-rendering only when that part changes. `select` must return the
 * same value (===) for the same state: a primitive, or a part the store keeps between changes.
 */
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S {
  const subscribe = useCallback((fn: () => void) => store.subscribe(fn), [store]);
  return useSyncExternalStore(subscribe, () => select(store.get()));
}

const NONE = new Store<unknown>(undefined);

/** Like useStore, for a store that may be absent (a field rendered outside a cockpit): `fallback` then. */
export function useMaybeStore<T, S>(store: Store<T> | null, select: (value: T) => S, fallback: S): S {
  const subscribe = useCallback((fn: () => void) => (store ?? NONE).subscribe(fn), [store]);
  return useSyncExternalStore(subscribe, () => (store ? select(store.get()) : fallback));
}
