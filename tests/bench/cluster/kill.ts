/**
 * The kill phase of the cluster benchmark: clients connect through the balancer (HAProxy from
 * deploy/haproxy.cfg) with the browser client's reconnection policy (jittered backoff); note-takers
 * type tokens `<writer:n>` 5 a second. Each round spreads the clients over every process (all
 * reconnect; the balancer gives each new socket to the process with the fewest), kills a seeded
 * random process with SIGKILL, and times how long until every client that lost its socket has
 * synced again with a surviving process (the provider's next completed sync). It then checks that
 * everything a writer had been told was saved before the kill is in Postgres, and restarts the
 * process. At the end every token typed must be present exactly once in every client and in the
 * stored log.
 */
import { seededRandom } from '@rapporteur/shared/testing/random';
import postgres from 'postgres';
import * as Y from 'yjs';
import { jitteredReconnect } from '../../../client/src/editor/socketOptions.ts';
import { connectClient, type TestClient } from '../../helpers/clients.ts';
import type { Cluster } from '../../helpers/cluster.ts';
import { appendSpeakerBlock, recordString } from '../../helpers/record.ts';
import { createSessionHttp } from '../../helpers/sessions.ts';

/** One kill: which process, how many clients it held, how long until they had all synced elsewhere. */
export interface KillRound {
  victim: number;
  moved: number;
  /** Kill → the last of its clients synced on another process (ms); NaN when it held none. */
  recoveryMs: number;
  /** Kill → the first of them synced again (ms). */
  firstMs: number;
}

export interface KillResult {
  rounds: KillRound[];
  typed: number;
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TOKEN_INTERVAL_MS = 200;

async function waitUntil(fn: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!(await fn())) {
    if (performance.now() > end) return false;
    await sleep(stepMs);
  }
  return true;
}

function occurrences(text: string, token: string): number {
  return text.split(token).length - 1;
}

/** `rounds` kills of a seeded random process of `cluster`, with `writers` + `watchers` clients through its balancer. */
export async function killRounds(
  cluster: Cluster,
  opts: { rounds: number; writers: number; watchers: number; seed: number; log: (line: string) => void },
): Promise<KillResult> {
  const rand = seededRandom(opts.seed);
  const s = await createSessionHttp(cluster.url, 'Cluster benchmark: kill -9');
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  const storedText = async () => {
    const rows = await sql<{ update: Uint8Array }[]>`
      SELECT update FROM doc_updates WHERE session_id = ${s.id} ORDER BY id`;
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.update);
    return recordString(doc);
  };
  const connect = (writer: boolean, i: number) =>
    connectClient(cluster.url, s.id, {
      token: writer ? s.noteTaker : s.observer,
      persisted: writer,
      name: writer ? `Note-taker ${i}` : undefined,
      shouldReconnect: jitteredReconnect(),
    });
  const writers = Array.from({ length: opts.writers }, (_, i) => connect(true, i));
  const clients: TestClient[] = [...writers, ...Array.from({ length: opts.watchers }, (_, i) => connect(false, i))];
  const problems: string[] = [];
  const rounds: KillRound[] = [];
  const typed = new Array<number>(writers.length).fill(0);
  let typing = true;
  let loops: Promise<void>[] = [];
  try {
    if (!(await waitUntil(() => clients.every((c) => c.provider.synced), 30_000))) {
      throw new Error('kill phase: not every client synced through the balancer within 30 s');
    }
    const lastClose = new Array<number>(clients.length).fill(0);
    const lastSync = new Array<number>(clients.length).fill(0);
    clients.forEach((c, i) => {
      c.provider.on('connection-close', () => {
        lastClose[i] = performance.now();
      });
      c.provider.on('sync', (synced: boolean) => {
        if (synced) lastSync[i] = performance.now();
      });
    });
    const acknowledged = new Array<number>(writers.length).fill(0);
    const texts = writers.map((w, i) => appendSpeakerBlock(w.doc, { speaker: `Delegation ${i}` }));
    writers.forEach((w, i) => {
      w.save.subscribe((st) => {
        if (st.acknowledged && st.unsaved === 0) acknowledged[i] = typed[i]!;
      });
    });
    loops = writers.map(async (_, i) => {
      await sleep((TOKEN_INTERVAL_MS * i) / writers.length);
      while (typing) {
        texts[i]!.insert(texts[i]!.length, `<${i}:${typed[i]}>`);
        typed[i]!++;
        await sleep(TOKEN_INTERVAL_MS);
      }
    });

    for (let round = 0; round < opts.rounds; round++) {
      await sleep(1_000);
      const victim = Math.floor(rand() * cluster.processes.length);
      const ackAtKill = [...acknowledged];
      const killedAt = performance.now();
      await cluster.kill9(victim);
      const recovered = await waitUntil(
        () => clients.every((c, i) => c.provider.synced && (lastClose[i]! < killedAt || lastSync[i]! > lastClose[i]!)),
        30_000,
      );
      if (!recovered) problems.push(`round ${round + 1}: not every client synced again within 30 s of the kill`);
      const moved = clients.map((_, i) => i).filter((i) => lastClose[i]! >= killedAt);
      const times = moved.map((i) => lastSync[i]! - killedAt);
      const r: KillRound = {
        victim,
        moved: moved.length,
        recoveryMs: times.length ? Math.max(...times) : Number.NaN,
        firstMs: times.length ? Math.min(...times) : Number.NaN,
      };
      rounds.push(r);
      opts.log(
        `    round ${round + 1}: killed process ${victim + 1} holding ${r.moved} of ${clients.length} clients; ` +
          `all of them synced elsewhere after ${r.recoveryMs.toFixed(0)} ms (first after ${r.firstMs.toFixed(0)} ms)`,
      );
      // what a writer had been told was saved is stored: the dead process held none of it alone
      const text = await storedText();
      for (let i = 0; i < writers.length; i++)
        for (let n = 0; n < ackAtKill[i]!; n++)
          if (occurrences(text, `<${i}:${n}>`) !== 1)
            problems.push(
              `round ${round + 1}: <${i}:${n}> was acknowledged as saved before the kill but is not stored once`,
            );
      await cluster.restart(victim);
      // the balancer checks every second and takes a process back after one good check
      await sleep(1_500);
      // spread every client over the three processes again for the next round
      for (const c of clients) c.provider.disconnect();
      await sleep(200);
      for (const c of clients) c.provider.connect();
      if (!(await waitUntil(() => clients.every((c) => c.provider.synced), 30_000))) {
        problems.push(`round ${round + 1}: clients did not reconnect after the restart`);
      }
    }
    typing = false;
    await Promise.all(loops);
    const converged = await waitUntil(
      () => clients.every((c) => recordString(c.doc) === recordString(clients[0]!.doc)),
      30_000,
      50,
    );
    if (!converged) problems.push('kill phase: clients did not converge');
    const saved = await Promise.race([
      Promise.all(writers.map((w) => w.save.whenSaved())).then(() => true),
      sleep(30_000).then(() => false),
    ]);
    if (!saved) problems.push('kill phase: writers were not told everything is saved within 30 s');
    const final = recordString(clients[0]!.doc);
    const stored = await storedText();
    for (let i = 0; i < writers.length; i++)
      for (let n = 0; n < typed[i]!; n++) {
        const inClients = occurrences(final, `<${i}:${n}>`);
        const inLog = occurrences(stored, `<${i}:${n}>`);
        if (inClients !== 1) problems.push(`kill phase: <${i}:${n}> is in the clients ${inClients} times`);
        if (inLog !== 1) problems.push(`kill phase: <${i}:${n}> is in Postgres ${inLog} times`);
      }
  } finally {
    typing = false;
    await Promise.all(loops);
    for (const c of clients) c.destroy();
    await sql.end();
  }
  return { rounds, typed: typed.reduce((a, b) => a + b, 0), problems };
}
