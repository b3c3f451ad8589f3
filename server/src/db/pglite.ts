import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** Wrap a PGlite instance (file-backed, or a clone in tests) in the Database interface. */
export function wrapPglite(pg: PGlite): Database {
  const run = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
  });
  return {
    engine: 'pglite',
    ...run(pg),
    transaction: (fn) => pg.transaction((tx) => fn(run(tx))),
    close: () => pg.close(),
  };
}

/** Open (creating when absent) a PGlite database in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Database> {
  const pg = await PGlite.create({ dataDir });
  return wrapPglite(pg);
}
