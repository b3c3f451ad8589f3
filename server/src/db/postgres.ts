import postgres from 'postgres';
import type { Database, Queryable } from './database.ts';

// postgres.js infers bytea only for Buffer parameters, so plain Uint8Arrays are wrapped (no copy).
function toParams(params: readonly unknown[]): postgres.ParameterOrJSON<never>[] {
  return params.map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
  ) as postgres.ParameterOrJSON<never>[];
}

/** Connect to a Postgres server through postgres.js. */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // a dead server must surface as a failed query (retried by the caller), not hang forever
    connect_timeout: 5,
    // a connection costs a TCP handshake, authentication and a type query (~10 ms here): keep
    // the warm ones for a while, so the first joiner after a quiet spell does not pay for them
    idle_timeout: 600,
  });
  const run = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await q.unsafe(text, toParams(params));
      return rows as unknown as T[];
    },
  });
  return {
    engine: 'postgres',
    ...run(sql),
    // A connection of its own rather than sql.reserve(): after its backend was terminated, a
    // reserved postgres.js connection threw from a timer (writing to a socket already gone),
    // which would take the process down; a one-connection client fails the query instead.
    reserve: async () => {
      const one = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5, idle_timeout: 0 });
      return { ...run(one), release: () => void one.end({ timeout: 1 }).catch(() => {}) };
    },
    transaction: async (fn) => (await sql.begin((tx) => fn(run(tx)))) as Awaited<ReturnType<typeof fn>>,
    close: () => sql.end({ timeout: 5 }),
  };
}
