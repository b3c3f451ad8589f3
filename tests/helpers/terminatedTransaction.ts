/**
 * Run as a child process by tests/integration/postgresDriver.test.ts: opens the database as the
 * server does (openPostgres), starts a transaction whose backend another connection terminates
 * while a query is in flight, and exits 0 only if the process lives on with the transaction
 * failed. Before the patch in patches/, postgres.js wrote the transaction's own ROLLBACK to the
 * dead socket from a timer and the process died of an uncaught TypeError.
 */
import { openPostgres } from '@rapporteur/server';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const db = openPostgres(url, { max: 2 });
const killer = openPostgres(url, { max: 1 });

let pid: number | null = null;
const tx = db.transaction(async (q) => {
  const [row] = await q.query<{ pid: number }>('select pg_backend_pid() as pid');
  pid = row?.pid ?? null;
  await q.query('select pg_sleep(5)');
});
const outcome = tx.then(
  () => 'committed',
  (err: { code?: string }) => `failed: ${err.code ?? String(err)}`,
);
while (pid === null) await new Promise((r) => setTimeout(r, 20));
await killer.query('select pg_terminate_backend($1)', [pid]);
console.log(await outcome);
// the fatal write came from a timer after the rejection: give it time to happen
await new Promise((r) => setTimeout(r, 500));
const [after] = await db.query<{ one: number }>('select 1 as one');
console.log(`still serving: ${after?.one === 1}`);
await Promise.all([db.close(), killer.close()]);
