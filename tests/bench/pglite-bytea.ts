/**
 * Storing and reading a large document update on the embedded database, with PGlite's own bytea
 * codec and with the server's (server/src/db/pgliteBytea.ts), in the same run. PGlite runs in the
 * server's thread, so these times are times the event loop relays no keystroke.
 *
 *   npx tsx tests/bench/pglite-bytea.ts          (MB=6 ROUNDS=3 by default)
 */
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pgliteByteaCodec } from '../../server/src/db/pgliteBytea.ts';

const MB = Number(process.env.MB ?? 6);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const bytes = Uint8Array.from({ length: MB * 1_000_000 }, (_, i) => (i * 2654435761) & 255);

async function measure(label: string, options: PGliteOptions): Promise<void> {
  const pg = await PGlite.create(options);
  await pg.query('CREATE TABLE t (id serial PRIMARY KEY, b bytea)');
  const writes: number[] = [];
  const reads: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = performance.now();
    await pg.query('INSERT INTO t (b) VALUES ($1)', [bytes]);
    writes.push(performance.now() - t0);
    t0 = performance.now();
    await pg.query('SELECT b FROM t ORDER BY id DESC LIMIT 1');
    reads.push(performance.now() - t0);
  }
  await pg.close();
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0).padStart(5)).join(' ');
  console.log(`${label.padEnd(22)} insert (ms): ${fmt(writes)}   read (ms): ${fmt(reads)}`);
}

console.log(`a ${MB} MB update, ${ROUNDS} rounds each`);
await measure("PGlite's codec", {});
await measure("the server's codec", pgliteByteaCodec);
