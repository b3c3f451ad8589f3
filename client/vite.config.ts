import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Rapporteur server the dev server forwards API and socket traffic to (RAPPORTEUR_SERVER overrides). */
const SERVER = process.env.RAPPORTEUR_SERVER ?? 'http://127.0.0.1:3000';

/**
 * Client build and dev server. `vite build` writes client/dist, which the server serves on its one
 * port; `vite` (dev) proxies the API, health check and collaboration socket to a running server,
 * so the browser talks to a single origin in both cases.
 */
export default defineConfig({
  plugins: [react()],
  // the editor chunk (Tiptap + ProseMirror + Yjs) is ~650 kB before gzip and loads only on session pages
  // the manifest names each page's files, so that the server can have the browser preload them
  // (server/src/http/pagePreloads.ts)
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/api': SERVER,
      '/health': SERVER,
      '/collab': { target: SERVER, ws: true },
    },
  },
});
