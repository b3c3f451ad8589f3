/**
 * Test databases. Every database test runs on PGlite, and on the Postgres server as well when
 * DATABASE_URL is set (CI sets it). Each test gets its own database: a clone of a migrated
 * PGlite template (fast), or a freshly created database on the server, dropped afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, migrate, openDatabase, pgliteByteaCodec, wrapPglite } from '@rapporteur/server';
import postgres from 'postgres';

export type Backend = 'pglite' | 'postgres';

/** The backends to run database tests on. */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let template: Promise<PGlite> | null = null;

async function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    // the server's bytea codec, as the server opens its embedded database
    const pg = await PGlite.create(pgliteByteaCodec);
    await migrate(wrapPglite(pg));
    return pg;
  })();
  return template;
}

/** A throwaway database on the given backend; `drop()` removes it. */
export interface TestDatabase {
  db: Database;
  backend: Backend;
  /** For tests that start a server process: the env that points it at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

/** Create a unique database on the Postgres server and return its URL. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rapporteur_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

/** An in-process database for a test (PGlite clone, or a new server database). */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const pg = await (await pgliteTemplate()).clone();
    const db = wrapPglite(pg as PGlite);
    return { db, backend, env: {}, drop: () => db.close() };
  }
  const server = await createServerDatabase();
  const db = await openDatabase({ databaseUrl: server.url, dataDir: '' });
  return {
    db,
    backend,
    env: { DATABASE_URL: server.url },
    drop: async () => {
      await db.close();
      await server.drop();
    },
  };
}

/**
 * Storage for a server process: a fresh data folder (PGlite) or a fresh server database.
 * The same storage can be handed to several successive processes (restart tests).
 */
export async function createProcessStorage(
  backend: Backend,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-test-'));
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = await createServerDatabase();
  return { env: { DATABASE_URL: server.url }, drop: server.drop };
}
