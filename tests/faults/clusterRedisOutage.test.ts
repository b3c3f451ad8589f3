/**
 * Redis stopped mid-meeting and started again (empty) under a 3-process cluster: each process
 * keeps serving its own clients through the outage, the processes resynchronise when Redis is
 * back, and nothing typed is lost or duplicated, in the clients or in Postgres. The test runs
 * its own redis-server on a free port, so stopping it disturbs nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor } from '../helpers/clients.ts';
import {
  type Cluster,
  clusterUnavailable,
  type PrivateRedis,
  startCluster,
  startPrivateRedis,
} from '../helpers/cluster.ts';
import { appendSpeakerBlock, blockText, recordString } from '../helpers/record.ts';
import { createSessionHttp } from '../helpers/sessions.ts';

const unavailable = await clusterUnavailable();
if (unavailable) console.warn(`cluster Redis outage test skipped: ${unavailable}`);

describe.skipIf(Boolean(unavailable))('Redis restarted mid-meeting', () => {
  let redis: PrivateRedis;
  let cluster: Cluster;
  let sql: postgres.Sql;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    cluster = await startCluster({ processes: 3, redisUrl: redis.url });
    sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await cluster?.stop();
    await redis?.stop();
  });

  it('processes keep serving their own clients, resynchronise after, and lose nothing', async () => {
    const s = await createSessionHttp(cluster.url, 'redis outage');
    // two clients on each process, connected to it directly
    const clients: TestClient[] = cluster.processes.flatMap((p) => [
      connectClient(p.url, s.id, { token: s.noteTaker }),
      connectClient(p.url, s.id, { token: s.noteTaker }),
    ]);
    const converged = () => clients.every((c) => recordString(c.doc) === recordString(clients[0]!.doc));
    try {
      await Promise.all(clients.map((c) => c.synced()));
      appendSpeakerBlock(clients[0]!.doc, { speaker: 'Chair' });
      await waitFor(converged, 'block everywhere', 30_000);
      const typed = new Array<number>(clients.length).fill(0);
      const type = (i: number) => {
        blockText(clients[i]!.doc, 0).insert(0, `<${i}:${typed[i]}>`);
        typed[i]!++;
      };
      for (let k = 0; k < 10; k++) for (let i = 0; i < clients.length; i++) type(i);

      await redis.stop();
      // during the outage: a keystroke on the first process reaches the other client of that process
      type(0);
      const token = `<0:${typed[0]! - 1}>`;
      await waitFor(() => blockText(clients[1]!.doc, 0).toString().includes(token), 'local delivery during the outage');
      for (let k = 0; k < 20; k++) {
        for (let i = 0; i < clients.length; i++) type(i);
        await new Promise((r) => setTimeout(r, 50));
      }
      // a client on another process cannot have it yet: the fan-out is down
      expect(blockText(clients[2]!.doc, 0).toString()).not.toContain(token);

      await redis.start();
      for (let k = 0; k < 10; k++) {
        for (let i = 0; i < clients.length; i++) type(i);
        await new Promise((r) => setTimeout(r, 50));
      }
      await waitFor(converged, 'convergence after Redis is back', 30_000);
      await Promise.all(clients.map((c) => c.save.whenSaved()));
      const rows = await sql`SELECT update FROM doc_updates WHERE session_id = ${s.id} ORDER BY id`;
      const stored = new Y.Doc();
      for (const r of rows) Y.applyUpdate(stored, r.update as Uint8Array);
      const text = blockText(clients[0]!.doc, 0).toString();
      const storedText = blockText(stored, 0).toString();
      for (let i = 0; i < clients.length; i++)
        for (let n = 0; n < typed[i]!; n++) {
          expect(text.split(`<${i}:${n}>`).length - 1, `<${i}:${n}>`).toBe(1);
          expect(storedText.split(`<${i}:${n}>`).length - 1, `<${i}:${n}> stored`).toBe(1);
        }
    } finally {
      for (const c of clients) c.destroy();
    }
  });
});
