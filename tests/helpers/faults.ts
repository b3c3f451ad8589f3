/** Fault injection for tests: a database whose queries can be made to fail, a cuttable TCP proxy. */
import net from 'node:net';
import type { Database, Queryable } from '@rapporteur/server';

/** The error a refused connection gives (code ECONNREFUSED, as Node's sockets report it). */
const outageError = () => Object.assign(new Error('connection refused (injected outage)'), { code: 'ECONNREFUSED' });

/** Wrap a database so that every query fails while `down` is true (an outage as the server sees it). */
export function flakyDatabase(inner: Database): Database & { down: boolean; failures: number; appends: number } {
  const state = { down: false, failures: 0, appends: 0 };
  const guard = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
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
  };
  return Object.defineProperties(db, {
    down: { get: () => state.down, set: (v: boolean) => (state.down = v) },
    failures: { get: () => state.failures },
    appends: { get: () => state.appends },
  }) as Database & { down: boolean; failures: number; appends: number };
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
