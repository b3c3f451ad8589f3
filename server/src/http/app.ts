import { MAX_API_BODY_BYTES, MAX_IMPORT_BODY_BYTES } from '@rapporteur/shared/protocol';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AccessStore } from '../access/accessStore.ts';
import type { AdmissionGate } from '../collab/admissionGate.ts';
import type { AdminSecret } from '../access/adminSecret.ts';
import { RoomControl } from '../collab/roomControl.ts';
import type { RoomRegistry } from '../collab/rooms.ts';
import type { Database } from '../db/database.ts';
import type { HeavyWork } from '../heavy/index.ts';
import { DatabaseMonitor, monitorOf } from '../db/monitor.ts';
import { describeFailure, isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import type { ProjectionSnapshot } from '../projection/rows.ts';
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

/** A body limit answering 413 with the limit it broke. */
const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });

/** Imports carry whole records (MAX_IMPORT_CHARS); every other request small JSON. */
const isImport = (path: string) => path === '/api/sessions/import' || path.startsWith('/api/sessions/import/');

export interface AppDeps {
  db: Database;
  rooms: RoomRegistry;
  /** What routes do to live rooms (default: this process's rooms only). */
  control?: RoomControl;
  sessions: SessionStore;
  access: AccessStore;
  /** The one update log of the server (rooms, exports, versions and imports share it). */
  log: UpdateLog;
  /** Imports and exports, run in worker threads. */
  heavy: HeavyWork;
  /** The instance's admin secret (stored, or ADMIN_TOKEN). */
  admin: AdminSecret;
  /** Called after an import is stored, with its rows (the server projects it for search at once). */
  afterImport?: (projection: ProjectionSnapshot) => Promise<unknown>;
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
  const importBody = limitBody(MAX_IMPORT_BODY_BYTES);
  const apiBody = limitBody(MAX_API_BODY_BYTES);
  app.use('/api/*', (c, next) => (isImport(c.req.path) ? importBody : apiBody)(c, next));
  app.route('/health', healthRoutes({ ...deps, db: monitor }));
  app.route('/api/sessions/import', importRoutes(deps));
  app.route('/api/sessions', sessionRoutes({ ...deps, control: deps.control ?? new RoomControl(deps.rooms) }));
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
      const headers: Record<string, string> = { ...err.headers };
      if (err.status === 503) headers['Retry-After'] ??= '2'; // every 503 here is "try again shortly"
      return c.json({ error: { code: err.code, message: err.message } }, err.status, headers);
    }
    if (err instanceof HTTPException)
      return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, err });
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
