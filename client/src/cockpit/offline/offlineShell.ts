/**
 * The application shell kept for offline use by a small service worker (client/public/sw.js): a
 * note-taker whose laptop lost the venue wifi can still reload the page, and the offline copy of
 * the record (IndexedDB) comes back with it. The files this page already loaded are handed to the
 * worker, since they were fetched before it was in control.
 */

/** Where the worker script is served (the root, so its scope is the whole application). */
const WORKER_URL = '/sw.js';

/** Same-origin scripts, styles and the shell the page has loaded so far. */
function loadedFiles(): string[] {
  const urls = new Set<string>(['/']);
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name, location.href);
    if (url.origin === location.origin && url.pathname.startsWith('/assets/')) urls.add(url.pathname);
  }
  return [...urls];
}

/**
 * Register the worker (production builds only: the dev server's modules are not a shell) and have
 * it keep the loaded files. Sets `data-offline-shell="ready"` on <html> once they are stored.
 */
export async function keepShellOffline(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(WORKER_URL);
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      worker.postMessage({ type: 'keep', urls: loadedFiles() }, [channel.port2]);
    });
    document.documentElement.dataset.offlineShell = 'ready';
  } catch {
    // no worker (private mode, blocked): everything still works online, and the offline copy of
    // the record is kept anyway; only a reload without a connection cannot show it
  }
}
