import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBytea, pgliteByteaCodec, serializeBytea } from './pgliteBytea.ts';

describe('bytea codec for PGlite', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create(pgliteByteaCodec);
    await pg.query('CREATE TABLE t (id serial PRIMARY KEY, b bytea)');
  });
  afterAll(() => pg.close());

  it('round-trips bytes of every value and several sizes, through parameters and results', async () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) & 255);
    const view = new Uint8Array(big.buffer, 1000, 5000); // a view into a larger buffer
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0), every, big, view]) {
      const [row] = (await pg.query<{ b: Uint8Array }>('INSERT INTO t (b) VALUES ($1) RETURNING b', [bytes])).rows;
      expect(row!.b).toBeInstanceOf(Uint8Array);
      expect(Buffer.compare(Buffer.from(row!.b), Buffer.from(bytes))).toBe(0);
      // what Postgres stored is the bytes, not their text: its own length and digest agree
      const [check] = (
        await pg.query<{ n: number; md5: string }>(
          'SELECT length(b) AS n, md5(b) AS md5 FROM t ORDER BY id DESC LIMIT 1',
        )
      ).rows;
      expect(check!.n).toBe(bytes.byteLength);
      expect(check!.md5).toBe((await import('node:crypto')).createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('refuses what is not bytes, and text not in hex format', () => {
    expect(() => serializeBytea('abc')).toThrow(TypeError);
    expect(() => parseBytea('abc')).toThrow(TypeError);
    expect(serializeBytea(Uint8Array.of(1, 171))).toBe('\\x01ab');
    expect([...parseBytea('\\x01ab')]).toEqual([1, 171]);
  });
});
