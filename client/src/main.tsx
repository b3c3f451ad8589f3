import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPageAt } from './App.tsx';
import { adoptAdminSecretFromAddress } from './api/adminLink.ts';
// app-wide stylesheets, in cascade order: tokens, base and shell, then the folders every page
// may show; pages loaded on demand bring their own (session, cockpit, record, versions, observer)
import './tokens.css';
import './styles.css';
import './cockpit/speakerBlock/speakerBlock.css';
import './components/components.css';
import './pages/pages.css';
import './editor/editor.css';
import './pages/import/import.css';

// before the first render and the first request: the secret must not stay in the address
adoptAdminSecretFromAddress();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
/**
 * The longest the first render waits for the code of the page this tab opened at. Within it, the
 * page renders at once with its code, never through a fallback (onDemandPage.tsx); on a network
 * slow enough to pass it (the code is kept by the service worker after a first visit), the shell
 * and its "Loading…" show rather than an empty page.
 */
const FIRST_RENDER_WAIT_MS = 1_000;
let rendered = false;
const renderOnce = () => {
  if (rendered) return;
  rendered = true;
  render();
};
// if the code cannot be fetched, the route's own loading shows why
preloadPageAt(window.location.pathname).then(renderOnce, renderOnce);
setTimeout(renderOnce, FIRST_RENDER_WAIT_MS);
// when the wait began: a page that shows its loading line before the bound is a bug (browser test)
performance.mark('rapporteur:first-render-wait', { detail: FIRST_RENDER_WAIT_MS });
