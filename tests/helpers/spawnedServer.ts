/**
 * The lifecycle the fault suites that attack a whole server process share: its own embedded
 * database, the production build's process (spawnServer), one session made through the API, and
 * the clients a test opens, all gone after the `describe` (clients first, then the process with
 * SIGKILL, then the database). Call inside a `describe`; the getters work once `beforeAll` ran.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from './clients.ts';
import { createProcessStorage } from './database.ts';
import { type ServerProcess, spawnServer } from './server.ts';
import { createSessionHttp, type SessionTokens } from './sessions.ts';

export interface SpawnedServerSuite {
  readonly server: ServerProcess;
  readonly session: SessionTokens;
  /** Clients a test opened, destroyed after the suite. */
  readonly clients: TestClient[];
}

export function useSpawnedServer(sessionTitle: string): SpawnedServerSuite {
  let server: ServerProcess | undefined;
  let session: SessionTokens | undefined;
  let drop: (() => Promise<void>) | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    const storage = await createProcessStorage('pglite');
    drop = storage.drop;
    server = await spawnServer(storage.env);
    session = await createSessionHttp(server.url, sessionTitle);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.kill('SIGKILL');
    await drop?.();
  });

  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get session() {
      if (!session) throw new Error('the session is made in beforeAll');
      return session;
    },
    clients,
  };
}
