import { useEffect, useState } from 'react';
import { errorMessage } from './http.ts';

/** A request's state as a page shows it. */
export type RequestState<T> =
  /** `previous`: the last answer, still worth showing while the next one loads. */
  { kind: 'loading'; previous?: T } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };

/**
 * Run `load` whenever `deps` change (aborting the previous run) and follow its state. `load`
 * must be a function of `deps` only, which must be strings, numbers, booleans or null.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly (string | number | boolean | null)[],
): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ kind: 'loading' });
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the caller's deps, on which `load` depends
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({
      kind: 'loading',
      previous: s.kind === 'ready' ? s.value : s.kind === 'loading' ? s.previous : undefined,
    }));
    load(ctl.signal).then(
      (value) => setState({ kind: 'ready', value }),
      (err: unknown) => {
        if (!ctl.signal.aborted) setState({ kind: 'error', message: errorMessage(err) });
      },
    );
    return () => ctl.abort();
  }, [key]);
  return state;
}
