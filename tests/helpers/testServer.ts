/**
 * The lifecycle most integration suites share: one test database and one in-process server for
 * the whole `describe`, plus the clients its tests open, all torn down afterwards (clients first,
 * so their sockets close before the server does). Call `useTestServer(backend)` inside a
 * `describe`; hooks a suite registers after it run once the server is up and, in vitest's default
 * "stack" hook order, end before it closes.
 */
import type { Database, RunningServer } from '@rapporteur/server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ConnectOptions, connectClient, type TestClient } from './clients.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './database.ts';
import { startTestServer, type TestServerOptions } from './server.ts';

/** Server options, and when the clients opened through `connect` are destroyed. */
export interface TestServerSuiteOptions extends TestServerOptions {
  /** Destroy the clients after each test rather than after the whole suite. */
  clientsPerTest?: boolean;
}

/** What a suite's tests use; the getters work once `beforeAll` has run. */
export interface TestServerSuite {
  readonly tdb: TestDatabase;
  readonly db: Database;
  readonly server: RunningServer;
  /** Connect a client to a session; it is destroyed at teardown unless the test destroys it first. */
  connect(session: string | { id: string }, opts?: ConnectOptions): TestClient;
  /** Close the server and start a new one (new port) over the same database and options. */
  restart(): Promise<void>;
}

/** Register the hooks that create and drop the database and start and close the server. */
export function useTestServer(backend: Backend, options: TestServerSuiteOptions = {}): TestServerSuite {
  const { clientsPerTest = false, ...serverOptions } = options;
  let tdb: TestDatabase | undefined;
  let server: RunningServer | undefined;
  const open = new Set<TestClient>();

  const destroyClients = () => {
    for (const c of [...open]) c.destroy();
  };
  const started = () => {
    if (!tdb || !server) throw new Error('the test server is not started (call useTestServer() in a describe)');
    return { tdb, server };
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(backend);
    server = await startTestServer(tdb.db, serverOptions);
  });
  if (clientsPerTest) afterEach(destroyClients);
  afterAll(async () => {
    destroyClients();
    await server?.close();
    await tdb?.drop();
  });

  return {
    get tdb() {
      return started().tdb;
    },
    get db() {
      return started().tdb.db;
    },
    get server() {
      return started().server;
    },
    connect(session, opts) {
      const id = typeof session === 'string' ? session : session.id;
      const client = connectClient(started().server.url, id, opts);
      const destroy = client.destroy;
      // a test that destroys its client early (to make it leave) takes it off the teardown list
      client.destroy = () => {
        open.delete(client);
        destroy();
      };
      open.add(client);
      return client;
    },
    async restart() {
      const running = started();
      await running.server.close();
      server = await startTestServer(running.tdb.db, serverOptions);
    },
  };
}
