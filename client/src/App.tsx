import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SessionListPage } from './pages/SessionListPage.tsx';

// the editor (Tiptap, Yjs, providers) is most of the code: load it only for a session page
const SessionPage = lazy(() => import('./pages/SessionPage.tsx').then((m) => ({ default: m.SessionPage })));

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
        {/* Top-level navigation (search, import …) goes here as those pages arrive. */}
        <nav className="topnav" aria-label="Main" />
      </header>
      <main id="main" className="main">
        <Suspense fallback={<p className="muted page">Loading…</p>}>
          <Switch>
            <Route path="/" component={SessionListPage} />
            <Route path="/s/:id">{(params) => <SessionPage key={params.id} sessionId={params.id} />}</Route>
            {/* More routes go here, before the catch-all, e.g.:
              <Route path="/search" component={SearchPage} />
              <Route path="/import" component={ImportPage} />
              <Route path="/observe/:id">{(p) => <ObserverPage sessionId={p.id} />}</Route> */}
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
