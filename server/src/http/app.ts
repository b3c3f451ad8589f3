import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AccessStore } from '../access/accessStore.ts';
import type { AdmissionGate } from '../collab/admissionGate.ts';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { Database } from '../db/database.ts';
import { DatabaseMonitor, monitorOf } from '../db/monitor.ts';
import { describeFailure, isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../logger.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import { databaseGate, databaseUnavailable } from './databaseGate.ts';
import { AppError, payloadTooLarge } from './errors.ts';
import { blockRoutes } from './routes/blocks.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { registryRoutes } from './routes/registry.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { versionRoutes } from './routes/versions.ts';
import { securityHeaders } from './securityHeaders.ts';
import { mountClient } from './static.ts';

/** Largest JSON body the API accepts (imports of long records included). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface AppDeps {
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  access: AccessStore;
  /** The instance's admin secret (ADMIN_TOKEN); unset means loopback requests are admin. */
  adminToken?: string;
  /** Called after an import is stored (the server projects it for search at once). */
  afterImport?: (sessionId: string) => Promise<unknown>;
  logger: Logger;
  /** Folder of the built client; omitted in API-only tests. */
  clientDir?: string;
  /** Socket admission accounting, reported by /health. */
  gate?: AdmissionGate;
}

/**
 * Build the HTTP app: security headers, the database gate and body limit on the API, the routes,
 * the built client, and the one error mapping.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  // a database given without its monitor (API tests) is watched here
  const monitor = monitorOf(deps.db) ?? new DatabaseMonitor(deps.db);
  app.use('*', securityHeaders());
  app.use('/api/*', databaseGate(monitor));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw payloadTooLarge(MAX_BODY_BYTES);
      },
    }),
  );
  app.route('/health', healthRoutes({ ...deps, db: monitor }));
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
    if (isDatabaseUnavailable(err)) err = databaseUnavailable(describeFailure(err));
    if (err instanceof AppError) {
      if (err.status === 503) c.header('Retry-After', '2'); // every 503 here is "try again shortly"
      return c.json({ error: { code: err.code, message: err.message } }, err.status);
    }
    if (err instanceof HTTPException)
      return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, err });
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
