import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AccessStore } from '../access/accessStore.ts';
import type { AdminSecret } from '../access/adminSecret.ts';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import { AppError, payloadTooLarge } from './errors.ts';
import { blockRoutes } from './routes/blocks.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { registryRoutes } from './routes/registry.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { versionRoutes } from './routes/versions.ts';
import { mountClient } from './static.ts';

/** Largest JSON body the API accepts (imports of long records included). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface AppDeps {
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  access: AccessStore;
  /** The instance's admin secret (stored, or ADMIN_TOKEN). */
  admin: AdminSecret;
  /** Called after an import is stored (the server projects it for search at once). */
  afterImport?: (sessionId: string) => Promise<unknown>;
  logger: Logger;
  /** Folder of the built client; omitted in API-only tests. */
  clientDir?: string;
}

/** Build the HTTP app: body limit, API routes, built client, and the one error mapping. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw payloadTooLarge(MAX_BODY_BYTES);
      },
    }),
  );
  app.route('/health', healthRoutes(deps));
  app.route('/api/sessions/import', importRoutes(deps));
  app.route('/api/sessions', sessionRoutes(deps));
  app.route('/api/sessions', exportRoutes(deps));
  app.route('/api/sessions', blockRoutes(deps));
  app.route('/api/sessions', versionRoutes(deps));
  app.route('/api/search', searchRoutes(deps));
  app.route('/api', registryRoutes(deps));
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  if (deps.clientDir && !mountClient(app, deps.clientDir)) {
    deps.logger.warn('client not built; serving the API only', { clientDir: deps.clientDir });
  }

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof HTTPException)
      return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, err });
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
