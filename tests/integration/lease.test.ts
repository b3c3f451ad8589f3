/**
 * Leases on Postgres advisory locks (server/src/cluster/lease.ts): one holder at a time, and a
 * holder's leases pass on once its database session ends. Postgres only: clustered mode needs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type Database, Leases, openPostgres } from '@rapporteur/server';
import { createServerDatabase } from '../helpers/database.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.warn('lease tests skipped: set DATABASE_URL to a Postgres server to run them');

describe.skipIf(!onPostgres)('leases on Postgres advisory locks', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function twoProcesses() {
    const server = await createServerDatabase();
    cleanup.push(server.drop);
    const open = () => {
      const db = openPostgres(server.url, { max: 2 });
      const lost: string[] = [];
      const leases = new Leases({
        db,
        logger: createLogger({ quiet: true }),
        checkMs: 50,
        onLost: (n) => lost.push(...n),
      });
      cleanup.push(async () => {
        await leases.close();
        await db.close();
      });
      return { db, leases, lost };
    };
    return { a: open(), b: open(), admin: openPostgres(server.url, { max: 1 }) };
  }

  /** The backend holding an advisory lock in this test's database (pg_locks lists every database's). */
  async function backendOf(db: Database): Promise<number> {
    const [row] = await db.query<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() LIMIT 1`,
    );
    return row!.pid;
  }

  it('gives a lease to one process at a time, and to another once it is released', async () => {
    const { a, b, admin } = await twoProcesses();
    cleanup.push(() => admin.close());
    expect(await a.leases.tryAcquire('room:1')).toBe(true);
    expect(await a.leases.tryAcquire('room:1')).toBe(true); // re-entrant for its holder
    expect(await b.leases.tryAcquire('room:1')).toBe(false);
    expect(await b.leases.tryAcquire('room:2')).toBe(true);
    expect(a.leases.holds('room:1') && !b.leases.holds('room:1')).toBe(true);
    await a.leases.release('room:1');
    expect(await b.leases.tryAcquire('room:1')).toBe(true);
  });

  it("passes a holder's leases on when its database session ends, and tells the holder it lost them", async () => {
    const { a, b, admin } = await twoProcesses();
    cleanup.push(() => admin.close());
    expect(await a.leases.tryAcquire('room:1')).toBe(true);
    // the holder's session dies (as when its process is killed, or its connection is cut)
    const pid = await backendOf(admin);
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(() => b.leases.tryAcquire('room:1'), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => a.lost, { timeout: 5_000 }).toEqual(['room:1']);
    expect(a.leases.holds('room:1')).toBe(false);
    // the former holder can take part again on a fresh connection
    expect(await a.leases.tryAcquire('room:9')).toBe(true);
    expect(await a.leases.tryAcquire('room:1')).toBe(false);
  });
});
