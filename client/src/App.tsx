import { Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { onDemandPage } from './onDemandPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SessionListPage } from './pages/SessionListPage.tsx';
import { resolveAccessAhead } from './session/accessAhead.ts';

// Each page loads its own code: the editor (Tiptap, Yjs, providers) is most of it and only session
// pages need it; the observer view needs Yjs but no editor; search and import need neither.
const pages = {
  session: onDemandPage(() => import('./pages/SessionPage.tsx').then((m) => m.SessionPage)),
  observer: onDemandPage(() => import('./pages/ObserverPage.tsx').then((m) => m.ObserverPage)),
  search: onDemandPage(() => import('./pages/SearchPage.tsx').then((m) => m.SearchPage)),
  import: onDemandPage(() => import('./pages/ImportPage.tsx').then((m) => m.ImportPage)),
};
const { Page: SessionPage } = pages.session;
const { Page: ObserverPage } = pages.observer;
const { Page: SearchPage } = pages.search;
const { Page: ImportPage } = pages.import;

/** The session id of a session page's path (lower-cased as its route below does), else null. */
function sessionIdOf(pathname: string): string | null {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Fetch the code of the page at `pathname` (the routes below), if it loads on demand. A session
 * page's access is asked for at once, and its record opened as soon as its code is here, while
 * React renders the page (accessAhead.ts, editor/openedAhead.ts).
 */
export function preloadPageAt(pathname: string): Promise<void> {
  const sessionId = sessionIdOf(pathname);
  if (sessionId) {
    const token = resolveAccessAhead(sessionId);
    const opened = import('./session/openSessionAhead.ts').then((m) => m.openSessionAhead(sessionId, token));
    return Promise.all([pages.session.preload(), opened]).then(() => undefined);
  }
  if (pathname.startsWith('/s/')) return pages.session.preload();
  if (pathname.startsWith('/observe/')) return pages.observer.preload();
  if (pathname === '/search') return pages.search.preload();
  if (pathname === '/import') return pages.import.preload();
  return Promise.resolve();
}

/** The application shell: a slim top bar and the routes. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Rapporteur
        </Link>
        <nav className="topnav" aria-label="Main">
          <Link href="/" className={(active) => (active ? 'active' : '')}>
            Sessions
          </Link>
          <Link href="/search" className={(active) => (active ? 'active' : '')}>
            Search
          </Link>
          <Link href="/import" className={(active) => (active ? 'active' : '')}>
            Import
          </Link>
        </nav>
      </header>
      <main id="main" className="main">
        <Suspense fallback={<p className="muted page">Loading…</p>}>
          <Switch>
            <Route path="/" component={SessionListPage} />
            {/* ids are lower-cased as the server does, so one session has one offline copy */}
            <Route path="/s/:id">
              {(params) => <SessionPage key={params.id.toLowerCase()} sessionId={params.id.toLowerCase()} />}
            </Route>
            <Route path="/observe/:id">
              {(params) => <ObserverPage key={params.id.toLowerCase()} sessionId={params.id.toLowerCase()} />}
            </Route>
            <Route path="/search" component={SearchPage} />
            <Route path="/import" component={ImportPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
