export { parseConfig, type Config } from './config.ts';
export type { Database, Queryable } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { openDatabase } from './db/open.ts';
export { wrapPglite } from './db/pglite.ts';
export { openPostgres } from './db/postgres.ts';
export { createLogger } from './logger.ts';
export { startServer, type RunningServer } from './server.ts';
