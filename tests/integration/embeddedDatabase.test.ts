import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@rapporteur/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteCluster, hasPgliteCluster } from '../../server/src/db/pglite.ts';
import { createTestDatabase } from '../helpers/database.ts';

describe('the embedded database (no DATABASE_URL)', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens in DATA_DIR with its schema and small shared buffers, and keeps rows across a reopen', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-pglite-'));
    expect(hasPgliteCluster(path.join(dir, 'pglite'))).toBe(false);
    const first = await openDatabase({ dataDir: dir });
    expect(hasPgliteCluster(path.join(dir, 'pglite'))).toBe(true);
    expect(first.engine).toBe('pglite');
    const [buffers] = await first.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(buffers?.shared_buffers).toBe('32MB');
    await first.query("INSERT INTO sessions (id, title) VALUES ('00000000-0000-4000-8000-000000000001', 'kept')");
    await first.close();

    const again = await openDatabase({ dataDir: dir });
    const rows = await again.query<{ title: string }>('SELECT title FROM sessions');
    expect(rows.map((r) => r.title)).toEqual(['kept']);
    const [still] = await again.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(still?.shared_buffers).toBe('32MB');
    await again.close();
  }, 60_000);

  it('creates a new cluster in a child process, and says why when it cannot', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-pglite-'));
    try {
      await createPgliteCluster(path.join(base, 'fresh'));
      expect(existsSync(path.join(base, 'fresh', 'PG_VERSION'))).toBe(true);
      // a data folder that cannot be made: under a plain file
      await writeFile(path.join(base, 'file'), 'not a folder');
      await expect(createPgliteCluster(path.join(base, 'file', 'db'))).rejects.toThrow(
        /creating the embedded database in .*file.db failed/,
      );
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  }, 60_000);
  it('tests’ embedded databases read bytea with the server’s codec, as the server does', async () => {
    const t = await createTestDatabase('pglite');
    try {
      const [row] = await t.db.query<{ b: Uint8Array }>("SELECT '\\x00ff10'::bytea AS b");
      expect([...row!.b]).toEqual([0, 255, 16]);
      // the server's codec reads the hex output format only; PGlite's own would take this too
      await t.db.query("SET bytea_output = 'escape'");
      await expect(t.db.query("SELECT '\\x00ff10'::bytea AS b")).rejects.toThrow('hex output format');
    } finally {
      await t.drop();
    }
  });
});
