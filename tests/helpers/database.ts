/**
 * Test databases. Every database test runs on PGlite, and on the Postgres server as well when
 * DATABASE_URL is set (CI sets it). Each test gets its own database: a clone of a migrated
 * PGlite template (fast), or a freshly created database on the server, dropped afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, migrate, openDatabase, pgliteByteaCodec, wrapPglite } from '@rapporteur/server';
import postgres from 'postgres';
import { REPO_ROOT, spawnServer } from './server.ts';

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
    // not PGlite's clone(), which drops the parsers and serializers: the copy would read and write
    // bytea with PGlite's own codec, not the server's (and ~10 times slower for a long record)
    const dump = await (await pgliteTemplate()).dumpDataDir('none');
    const pg = await PGlite.create({ loadDataDir: dump, ...pgliteByteaCodec });
    const db = wrapPglite(pg);
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
 * A migrated embedded database (a PGlite folder) made once for this build of the server, and
 * copied for each server process: each one creating its own ran initdb inside PGlite's
 * WebAssembly, seconds a process on a loaded machine, for every browser and fault test file.
 * Kept under node_modules/.cache, keyed by the hash of the server's sources the build records;
 * null when the server is not built (then each process creates its own, as before).
 */
function pgliteFolderTemplate(): Promise<string | null> {
  // once per test process: files that open several servers at once share one
  folderTemplate ??= makePgliteFolderTemplate();
  return folderTemplate;
}
let folderTemplate: Promise<string | null> | null = null;

async function makePgliteFolderTemplate(): Promise<string | null> {
  let key: string;
  try {
    const stamp = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server/dist/build-stamp.json'), 'utf8'));
    key = String(stamp.sources).slice(0, 16);
  } catch {
    return null;
  }
  const dir = path.join(REPO_ROOT, 'node_modules/.cache/rapporteur-tests', `pglite-${key}`);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  // a server process on an empty folder creates and migrates its database; SIGTERM closes it cleanly
  const work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-template-'));
  try {
    const server = await spawnServer({ DATA_DIR: work, DATABASE_URL: '' }, { built: true });
    if ((await server.kill('SIGTERM')) !== 0) return null;
    await mkdir(path.dirname(dir), { recursive: true });
    // those of earlier builds go
    for (const old of await readdir(path.dirname(dir))) {
      if (old.startsWith('pglite-') && old !== path.basename(dir))
        await rm(path.join(path.dirname(dir), old), { recursive: true, force: true });
    }
    // made whole in one step: a process that made it first wins, this copy is dropped
    await rename(path.join(work, 'pglite'), dir).catch(() => {});
    return existsSync(path.join(dir, 'PG_VERSION')) ? dir : null;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Storage for a server process: a fresh data folder (PGlite; a copy of the template above when
 * there is one) or a fresh server database.
 * The same storage can be handed to several successive processes (restart tests).
 */
export async function createProcessStorage(
  backend: Backend,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-test-'));
    const template = await pgliteFolderTemplate();
    if (template) await cp(template, path.join(dir, 'pglite'), { recursive: true });
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = await createServerDatabase();
  return { env: { DATABASE_URL: server.url }, drop: server.drop };
}
