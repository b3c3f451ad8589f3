/*
 * Rapporteur's service worker: keeps the application shell (index.html and the hashed files in
 * /assets) so a session page opens without a connection and shows the record from the offline
 * copy in IndexedDB. Nothing else: the API and the collaboration socket always go to the network.
 *
 * - Page loads: network first (a new release is picked up at once), the kept shell when offline.
 *   Every route serves the same index.html, so one copy under "/" serves them all.
 * - /assets/*: names carry a content hash, so a kept copy is always right: cache first.
 * - The page posts {type: 'keep', urls} with what it loaded before the worker was in control.
 */
const CACHE = 'rapporteur-shell-v1';
const SHELL = '/';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'keep' || !Array.isArray(data.urls)) return;
  const reply = event.ports[0];
  event.waitUntil(
    keep(data.urls.filter((u) => typeof u === 'string' && (u === SHELL || u.startsWith('/assets/')))).then(() =>
      reply?.postMessage('kept'),
    ),
  );
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (url) => {
      if (url !== SHELL && (await cache.match(url))) return;
      try {
        const res = await fetch(url, { cache: 'no-cache' });
        if (res.ok) await cache.put(url, res);
      } catch {
        // offline already: keep what we have
      }
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // downloads and API calls are never the shell
  if (/^\/(api|collab|health)(\/|$)/.test(url.pathname)) return;
  if (req.mode === 'navigate') {
    event.respondWith(pageLoad(req));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(req));
  }
});

async function pageLoad(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    const type = res.headers.get('content-type') || '';
    if (res.ok && type.includes('text/html')) await cache.put(SHELL, res.clone());
    return res;
  } catch (err) {
    const kept = await cache.match(SHELL);
    if (kept) return kept;
    throw err;
  }
}

async function asset(req) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(req, { ignoreSearch: true });
  if (kept) return kept;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}
