import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Open the configured database and bring its schema up to date. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  let db: Database;
  // each engine is loaded only when chosen: PGlite alone adds ~34 MB to a server that uses Postgres
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    db = openPostgres(opts.databaseUrl);
  } else {
    await mkdir(opts.dataDir, { recursive: true });
    const { openPglite } = await import('./pglite.ts');
    db = await openPglite(path.join(opts.dataDir, 'pglite'));
  }
  try {
    await migrate(db);
    if (db.engine === 'postgres') await warmPool(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

/**
 * Open a few pooled connections before the first request. A socket's admission makes up to
 * three queries, two in parallel; on a cold pool the second waits ~10 ms for a new connection.
 */
async function warmPool(db: Database, connections = 4): Promise<void> {
  await Promise.all(Array.from({ length: connections }, () => db.query('SELECT 1')));
}
