/**
 * Pages whose code loads on demand, and can be fetched before React first renders.
 *
 * Each page's code is its own chunk (the editor is most of the application and only session pages
 * need it). Rendered through `React.lazy`, a page that is not loaded yet suspends and its
 * Suspense fallback commits; React 19 then holds the page back until 300 ms after that fallback
 * appeared, even when the code arrived long before. On a session page that was a third of the
 * time until the record could be typed in (issue 17). So the page a tab opens at is fetched
 * first (`preloadPageAt`, before the first render) and rendered directly once its code is here;
 * `React.lazy` remains for pages reached later by navigation.
 */
import { type ComponentType, lazy } from 'react';

/** A page component whose module loads on demand. */
export interface OnDemandPage<P extends object> {
  /** Renders the page: directly once its code is loaded, else through React.lazy (suspends). */
  Page: ComponentType<P>;
  /** Fetch the page's code now (resolves once it is loaded; rejects if it cannot be). */
  preload(): Promise<void>;
}

/** A page whose code `load` fetches the first time it is needed. */
export function onDemandPage<P extends object>(load: () => Promise<ComponentType<P>>): OnDemandPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchCode = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (err: unknown) => {
        loading = null; // a later render tries again (the network may be back)
        throw err;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => fetchCode().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page, at module load (App.tsx), so each page keeps one component identity
  function Page(props: P) {
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    const Pending = Lazy as unknown as ComponentType<P>;
    return <Pending {...props} />;
  }
  return { Page, preload: () => fetchCode().then(() => undefined) };
}
