/**
 * Keystrokes while large exports run (issue 12 item 5): does the server keep relaying live
 * typing while it renders exports of a week's record?
 *
 *   npx tsx tests/bench/export-load.ts              (embedded PGlite)
 *   DATABASE_URL=postgres://… npx tsx tests/bench/export-load.ts
 *   BENCH_SECONDS=20 EXPORTERS=2 BLOCKS=3000 npx tsx tests/bench/export-load.ts
 *
 * The production build runs as its own process (built first, started with `pnpm start`'s flags).
 * A record of BLOCKS speaker blocks of ~200 words is imported over HTTP (timed) and kept open by
 * an observer (so exports read the live room). In another session, WRITERS real y-websocket
 * note-takers type 8 characters a second each; a watcher's copy times every keystroke
 * (typed → integrated at the watcher, one process, one clock). Two phases of BENCH_SECONDS each:
 * typing alone, then typing while EXPORTERS clients each export the large record in a loop
 * (md, html, txt, docx, json in turn, each client with its own link). /health is probed every
 * 100 ms throughout. Prints p50/p99/max per phase, the export times, and the target (p99 < 50 ms).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { longRecordText } from '../helpers/longRecord.ts';
import { appendSpeakerBlock } from '../helpers/record.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { startBuiltServer } from './builtServer.ts';
import { quantile, Samples } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const EXPORTERS = Number(process.env.EXPORTERS ?? 2);
const BLOCKS = Number(process.env.BLOCKS ?? 3_000);
const WRITERS = Number(process.env.WRITERS ?? 5);
const CHARS_PER_SECOND = 8;
const FORMATS = ['md', 'html', 'txt', 'docx', 'json'] as const;
const TARGET_P99_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function line(label: string, samples: Samples): string {
  const s = samples.sorted();
  return `${label.padEnd(34)} n=${String(s.length).padStart(5)}  p50 ${ms(quantile(s, 0.5)).padStart(9)}  p99 ${ms(quantile(s, 0.99)).padStart(9)}  max ${ms(s.at(-1) ?? Number.NaN).padStart(9)}`;
}

interface Links {
  observer: string;
  noteTaker: string;
  editor: string;
}

/** POST as the admin (creating and importing sessions is the admin's). */
async function post(url: string, body: string, type: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body,
  });
}

/** Keystroke → integrated at the watcher, per phase. */
class Keystrokes {
  phase: Samples = new Samples();
  private readonly pending = new Map<number, [number, number][]>(); // writer id → [clock, t0] in order

  watch(watcher: Y.Doc): void {
    watcher.on('afterTransaction', (tr: Y.Transaction) => {
      const now = performance.now();
      for (const [writer, queue] of this.pending) {
        const after = tr.afterState.get(writer) ?? 0;
        while (queue.length > 0 && queue[0]![0] < after) this.phase.push(now - queue.shift()![1]);
      }
    });
  }

  /** Start `writer` typing into a block of its own; returns a stop function. */
  type(writer: TestClient, n: number): () => void {
    const text = appendSpeakerBlock(writer.doc, { speaker: `Delegate ${n}` });
    const queue: [number, number][] = [];
    this.pending.set(writer.doc.clientID, queue);
    const sentence = 'The Commission took note of the report and of the statements made. ';
    let k = 0;
    const period = 1000 / CHARS_PER_SECOND;
    let timer: NodeJS.Timeout | undefined;
    const start = setTimeout(
      () => {
        timer = setInterval(() => {
          queue.push([Y.getState(writer.doc.store, writer.doc.clientID), performance.now()]);
          text.insert(text.length, sentence[k++ % sentence.length]!);
        }, period);
      },
      (period * n) / WRITERS,
    );
    return () => {
      clearTimeout(start);
      clearInterval(timer);
    };
  }
}

async function main() {
  const server = await startBuiltServer();
  const { url } = server;
  const clients: TestClient[] = [];
  const connect = (id: string, token: string) => {
    const c = connectClient(url, id, { token });
    clients.push(c);
    return c;
  };
  try {
    const text = longRecordText(BLOCKS, 200);
    let t0 = performance.now();
    const imported = await post(`${url}/api/sessions/import`, text, 'text/plain');
    if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
    const big = (await imported.json()) as { session: { id: string; links: Links } };
    console.log(
      `import of ${BLOCKS.toLocaleString('en')} blocks (${(text.length / 1e6).toFixed(2)} M characters): ${ms(performance.now() - t0)}`,
    );
    const bigId = big.session.id;
    // the record is open (an observer), so exports read the live room
    const reader = connect(bigId, tokenOf(big.session.links.observer));
    t0 = performance.now();
    await reader.synced();
    console.log(`an observer opens it: ${ms(performance.now() - t0)}`);

    const created = await post(
      `${url}/api/sessions`,
      JSON.stringify({ title: 'The live meeting' }),
      'application/json',
    );
    const meeting = (await created.json()) as { id: string; links: Links };
    const watcher = connect(meeting.id, tokenOf(meeting.links.observer));
    const writers = Array.from({ length: WRITERS }, () => connect(meeting.id, tokenOf(meeting.links.noteTaker)));
    await Promise.all([watcher, ...writers].map((c) => c.synced()));
    const keys = new Keystrokes();
    keys.watch(watcher.doc);

    const health = { phase: new Samples() };
    let probing = true;
    const probeErrors: string[] = [];
    const probe = (async () => {
      while (probing) {
        const t = performance.now();
        try {
          await fetch(`${url}/health`).then((r) => r.arrayBuffer());
          health.phase.push(performance.now() - t);
        } catch (err) {
          probeErrors.push(String((err as { cause?: unknown }).cause ?? err)); // reported, not fatal
        }
        await sleep(100);
      }
    })();

    const stops = writers.map((w, i) => keys.type(w, i + 1));
    await sleep(2_000); // typing settles in
    keys.phase = new Samples();
    health.phase = new Samples();
    await sleep(SECONDS * 1_000);
    const quiet = { keys: keys.phase, health: health.phase };

    // each exporter has its own observer link: a client of its own for the per-client limit
    const exportTokens: string[] = [];
    for (let i = 0; i < EXPORTERS; i++) {
      const res = await post(
        `${url}/api/sessions/${bigId}/links?token=${tokenOf(big.session.links.editor)}`,
        JSON.stringify({ role: 'observer' }),
        'application/json',
      );
      if (res.status !== 201) throw new Error(`minting a link: ${res.status} ${await res.text()}`);
      exportTokens.push(tokenOf(((await res.json()) as { link: string }).link));
    }
    keys.phase = new Samples();
    health.phase = new Samples();
    const exportTimes = new Map<string, Samples>(FORMATS.map((f) => [f, new Samples()]));
    const refusals = new Map<number, number>();
    let exporting = true;
    const loops = exportTokens.map(async (token, i) => {
      let k = i;
      while (exporting) {
        const format = FORMATS[k++ % FORMATS.length]!;
        const t = performance.now();
        const res = await fetch(`${url}/api/sessions/${bigId}/export?format=${format}&token=${token}`);
        await res.arrayBuffer();
        if (res.status === 200) exportTimes.get(format)!.push(performance.now() - t);
        else refusals.set(res.status, (refusals.get(res.status) ?? 0) + 1);
      }
    });
    await sleep(SECONDS * 1_000);
    exporting = false;
    const busy = { keys: keys.phase, health: health.phase };
    await Promise.all(loops);
    for (const stop of stops) stop();
    probing = false;
    await probe;

    console.log(`\n${WRITERS} note-takers typing ${CHARS_PER_SECOND} characters a second each; keystroke → watcher:`);
    console.log(line('  without exports', quiet.keys));
    console.log(line(`  while ${EXPORTERS} clients export in a loop`, busy.keys));
    console.log('GET /health round trip:');
    console.log(line('  without exports', quiet.health));
    console.log(line('  while exports run', busy.health));
    console.log(
      `export of the ${BLOCKS.toLocaleString('en')}-block record (request → last byte, under the load above):`,
    );
    for (const [format, samples] of exportTimes) console.log(line(`  ${format}`, samples));
    if (probeErrors.length) console.log(`/health probes that failed: ${probeErrors.length} (${probeErrors[0]})`);
    if (refusals.size) console.log(`  refused: ${[...refusals].map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    const p99 = quantile(busy.keys.sorted(), 0.99);
    console.log(
      `\nkeystroke p99 while exporting: ${ms(p99)} (target < ${TARGET_P99_MS} ms): ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'}`,
    );
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }
}

await main();
