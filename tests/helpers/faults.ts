/** Fault injection for tests: a database whose queries can be made to fail, a cuttable TCP proxy. */
import net from 'node:net';
import { type Database, openDatabase, type Queryable } from '@rapporteur/server';
import { type Backend, createServerDatabase, createTestDatabase } from './database.ts';

/** The error a refused connection gives (code ECONNREFUSED, as Node's sockets report it). */
const outageError = () => Object.assign(new Error('connection refused (injected outage)'), { code: 'ECONNREFUSED' });

/** A database whose outages a test controls. */
export type FlakyDatabase = Database & {
  /** Every query fails at once (connection refused). */
  down: boolean;
  /** Every query waits, unanswered, until this is false again (a hung server). */
  stalled: boolean;
  failures: number;
  appends: number;
};

/**
 * Wrap a database so that every query fails while `down` is true, or waits while `stalled` is
 * (an outage as the server sees it).
 */
export function flakyDatabase(inner: Database): FlakyDatabase {
  const state = { down: false, stalled: false, failures: 0, appends: 0 };
  const unstall: (() => void)[] = [];
  const whileStalled = () => (state.stalled ? new Promise<void>((r) => unstall.push(r)) : Promise.resolve());
  const guard = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      await whileStalled();
      if (state.down) {
        state.failures++;
        throw outageError();
      }
      if (sql.startsWith('INSERT INTO doc_updates')) state.appends++;
      return q.query<T>(sql, params);
    },
  });
  const db = {
    engine: inner.engine,
    query: <T>(sql: string, params?: readonly unknown[]) => guard(inner).query<T>(sql, params),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
      if (state.down) {
        state.failures++;
        return Promise.reject(outageError());
      }
      return inner.transaction((tx) => fn(guard(tx)));
    },
    close: () => inner.close(),
    // leases keep their own connection: an outage of the update log's queries leaves them alone
    reserve: inner.reserve ? () => inner.reserve!() : undefined,
  };
  return Object.defineProperties(db, {
    down: { get: () => state.down, set: (v: boolean) => (state.down = v) },
    stalled: {
      get: () => state.stalled,
      set: (v: boolean) => {
        state.stalled = v;
        if (!v) for (const r of unstall.splice(0)) r();
      },
    },
    failures: { get: () => state.failures },
    appends: { get: () => state.appends },
  }) as FlakyDatabase;
}

/** A TCP proxy to a real server that can be cut (connections dropped, new ones refused) and restored. */
export async function tcpProxy(targetHost: string, targetPort: number) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Storage whose outage we control: PGlite with failing queries, or Postgres behind a cut proxy. */
export async function outageStorage(backend: Backend) {
  if (backend === 'pglite') {
    const t = await createTestDatabase('pglite');
    const flaky = flakyDatabase(t.db);
    return { db: flaky as Database, down: () => (flaky.down = true), up: () => (flaky.down = false), drop: t.drop };
  }
  const target = await createServerDatabase();
  const url = new URL(target.url);
  const proxy = await tcpProxy(url.hostname, Number(url.port || 5432));
  url.port = String(proxy.port);
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    db,
    down: () => proxy.cut(),
    up: () => proxy.restore(),
    drop: async () => {
      await db.close();
      await proxy.close();
      await target.drop();
    },
  };
}
