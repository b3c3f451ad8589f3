/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Run one statement with `$1`-style parameters and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * The one small query interface the rest of the server uses, whichever engine is behind it:
 * embedded PGlite (default) or a Postgres server through postgres.js (`DATABASE_URL`).
 */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Run `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * One connection for the caller alone (Postgres only: session-level state such as advisory
   * locks lives on one connection). Absent on PGlite.
   */
  reserve?(): Promise<ReservedConnection>;
  /** Close every connection; the process can exit afterwards. */
  close(): Promise<void>;
}

/** A pooled connection held by one caller until release(); its session state is its own. */
export interface ReservedConnection extends Queryable {
  /** Give the connection back to the pool. */
  release(): void;
}
