import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Open the configured database and bring its schema up to date. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  let db: Database;
  if (opts.databaseUrl) {
    db = openPostgres(opts.databaseUrl);
  } else {
    await mkdir(opts.dataDir, { recursive: true });
    db = await openPglite(path.join(opts.dataDir, 'pglite'));
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}
