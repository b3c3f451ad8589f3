/**
 * kill -9 of a random process of a 3-process cluster (built servers behind HAProxy) at seeded
 * random moments while six clients type through the balancer. After every kill, everything any
 * client was told is saved must already be in Postgres; at the end every character typed is
 * present exactly once, in every client and in the stored log. Rounds: CLUSTER_KILL_ROUNDS
 * (default 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import postgres from 'postgres';
import { connectedClients, occurrences, sameRecordEverywhere, startTypingInOwnBlocks } from '../helpers/clientGroup.ts';
import { waitFor } from '../helpers/clients.ts';
import { type Cluster, clusterUnavailable, startCluster } from '../helpers/cluster.ts';
import { seededRandom } from '../helpers/random.ts';
import { recordString } from '../helpers/record.ts';
import { createSessionHttp } from '../helpers/sessions.ts';

const unavailable = await clusterUnavailable();
if (unavailable) console.warn(`cluster fault tests skipped: ${unavailable}`);

const ROUNDS = Number(process.env.CLUSTER_KILL_ROUNDS ?? 10);
const CLIENTS = 6;
const SEED = 1414;

describe.skipIf(Boolean(unavailable))('kill -9 in a cluster while six clients type through the balancer', () => {
  let cluster: Cluster;
  let sql: postgres.Sql;
  beforeAll(async () => {
    cluster = await startCluster({ processes: 3 });
    sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await cluster?.stop();
  });

  async function storedText(sessionId: string): Promise<string> {
    const rows = await sql`SELECT update FROM doc_updates WHERE session_id = ${sessionId} ORDER BY id`;
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.update as Uint8Array);
    return recordString(doc);
  }

  it(`${ROUNDS} seeded kills: nothing acknowledged is lost, nothing typed is lost or duplicated`, async () => {
    const rand = seededRandom(SEED);
    const s = await createSessionHttp(cluster.url, 'cluster crash');
    let destroyClients = () => {};
    try {
      const clients = await connectedClients(CLIENTS, cluster.url, s, (destroy) => {
        destroyClients = destroy;
      });
      // when each client last lost its socket and last finished a sync, to time the recovery
      const lastClose = new Array<number>(CLIENTS).fill(0);
      const lastSync = new Array<number>(CLIENTS).fill(0);
      clients.forEach((c, i) => {
        c.provider.on('connection-close', () => {
          lastClose[i] = Date.now();
        });
        c.provider.on('sync', (synced: boolean) => {
          if (synced) lastSync[i] = Date.now();
        });
      });
      const typed = new Array<number>(CLIENTS).fill(0);
      const acknowledged = new Array<number>(CLIENTS).fill(0);
      clients.forEach((c, i) => {
        c.save.subscribe((st) => {
          if (st.acknowledged && st.unsaved === 0) acknowledged[i] = typed[i]!;
        });
      });
      const typing = await startTypingInOwnBlocks(clients, typed, () => 20 + Math.floor(rand() * 40));

      const resyncTimes: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await new Promise((r) => setTimeout(r, 500 + Math.floor(rand() * 1500)));
        const victim = Math.floor(rand() * 3);
        const ackAtKill = [...acknowledged];
        const killedAt = Date.now();
        await cluster.kill9(victim);
        // what any client was told is saved is in Postgres already: the dead process held none of it alone
        const text = await storedText(s.id);
        for (let i = 0; i < CLIENTS; i++)
          for (let n = 0; n < ackAtKill[i]!; n++)
            expect(occurrences(text, `<${i}:${n}>`), `round ${round}: acknowledged <${i}:${n}> is stored`).toBe(1);
        // the balancer closes the dead process's client sockets at once; those clients come back elsewhere
        await new Promise((r) => setTimeout(r, 200));
        await waitFor(
          () =>
            clients.every((c, i) => c.provider.synced && (lastClose[i]! < killedAt || lastSync[i]! > lastClose[i]!)),
          'every client synced again',
          30_000,
        );
        const moved = clients.map((_, i) => i).filter((i) => lastClose[i]! >= killedAt);
        resyncTimes.push(Math.max(0, ...moved.map((i) => lastSync[i]! - killedAt)));
        await cluster.restart(victim);
      }
      await typing.stop();
      await sameRecordEverywhere(clients, 'convergence', 60_000);
      await Promise.all(clients.map((c) => c.save.whenSaved()));
      const final = recordString(clients[0]!.doc);
      const stored = await storedText(s.id);
      for (let i = 0; i < CLIENTS; i++)
        for (let n = 0; n < typed[i]!; n++) {
          expect(occurrences(final, `<${i}:${n}>`), `<${i}:${n}> in the clients`).toBe(1);
          expect(occurrences(stored, `<${i}:${n}>`), `<${i}:${n}> in Postgres`).toBe(1);
        }
      console.log(
        `[cluster crash] ${ROUNDS} kills, ${typed.reduce((a, b) => a + b, 0)} tokens; kill -9 to every client synced again: ${resyncTimes.join(', ')} ms`,
      );
    } finally {
      destroyClients();
    }
  });
});
