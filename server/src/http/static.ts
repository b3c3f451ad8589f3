import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { pagePreloads } from './pagePreloads.ts';

/**
 * Serve the built client from `clientDir`, with index.html for any other GET that is not an API
 * route (client-side routing), naming the files of the page the address opens for the browser to
 * preload (pagePreloads.ts). Hashed assets are cached for a year; index.html never.
 */
export function mountClient(app: Hono, clientDir: string): boolean {
  const indexFile = path.join(clientDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = path.relative(process.cwd(), clientDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('/*', serveStatic({ root }));
  const preloads = pagePreloads(clientDir);
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    const html = readFileSync(indexFile, 'utf8');
    const links = preloads(c.req.path);
    return c.html(links ? html.replace('</head>', `${links}</head>`) : html);
  });
  return true;
}
