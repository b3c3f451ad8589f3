/**
 * Projection lag: how long after an edit its text shows up in `speaker_blocks`.
 *
 *   npx tsx tests/bench/projection-lag.ts            (embedded PGlite)
 *   DATABASE_URL=postgres://… npx tsx tests/bench/projection-lag.ts   (Postgres server)
 *
 * Two scenarios, each through a real socket and the real server:
 * - isolated edits: one word typed after a quiet period (the debounce decides the lag);
 * - continuous typing: a note-taker typing ~12 characters a second without pause, with a marker
 *   word every second (the max-wait bound decides the lag; the debounce alone never fires).
 * - a large record: the isolated-edit measure again on a three-hour meeting's worth of blocks.
 * The lag is measured by polling the table every 5 ms, so figures include up to 5 ms of polling.
 */
import { performance } from 'node:perf_hooks';
import type { RunningServer } from '@rapporteur/server';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { appendSpeakerBlock, blockText } from '../helpers/record.ts';
import { startTestServer } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';

const ISOLATED_EDITS = Number(process.env.EDITS ?? 15);
const TYPING_SECONDS = Number(process.env.TYPING_SECONDS ?? 12);
const CHAR_INTERVAL_MS = 80;
const LARGE_BLOCKS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(label: string, lags: number[]): string {
  const s = [...lags].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const f = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
  return `${label.padEnd(22)} n=${String(s.length).padStart(3)}  min ${f(s[0]!)}  p50 ${f(at(0.5))}  p95 ${f(at(0.95))}  max ${f(s.at(-1)!)}`;
}

/** Resolve with the time at which `marker` is first visible in the session's rows. */
async function seen(tdb: TestDatabase, sessionId: string, marker: string): Promise<number> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const rows = await tdb.db.query('SELECT 1 FROM speaker_blocks WHERE session_id = $1 AND strpos(text, $2) > 0', [
      sessionId,
      marker,
    ]);
    if (rows.length > 0) return performance.now();
    if (performance.now() > deadline) throw new Error(`marker ${marker} never projected`);
    await sleep(5);
  }
}

async function isolatedEdits(tdb: TestDatabase, client: TestClient, sessionId: string, block = 0) {
  const lags: number[] = [];
  const text = blockText(client.doc, block);
  for (let i = 0; i < ISOLATED_EDITS; i++) {
    await sleep(1_200); // quiet: nothing pending when the edit happens
    const marker = `iso${i}x${Date.now().toString(36)}`;
    const t0 = performance.now();
    text.insert(text.length, ` ${marker}`);
    lags.push((await seen(tdb, sessionId, marker)) - t0);
  }
  return lags;
}

async function continuousTyping(server: RunningServer, tdb: TestDatabase, client: TestClient, sessionId: string) {
  const text = blockText(client.doc, 1);
  const lags: Promise<number>[] = [];
  const writesBefore = server.projector.writes(sessionId);
  let keystrokes = 0;
  const end = performance.now() + TYPING_SECONDS * 1_000;
  let nextMarker = performance.now() + 1_000;
  let m = 0;
  while (performance.now() < end) {
    if (performance.now() >= nextMarker) {
      const marker = `typ${m++}x${Date.now().toString(36)}`;
      const t0 = performance.now();
      text.insert(text.length, ` ${marker} `);
      lags.push(seen(tdb, sessionId, marker).then((t) => t - t0));
      nextMarker += 1_000;
    } else {
      text.insert(text.length, 'abcdefghij'[keystrokes % 10]!);
    }
    keystrokes++;
    await sleep(CHAR_INTERVAL_MS);
  }
  const result = await Promise.all(lags);
  await server.projector.flush(sessionId);
  return { lags: result, keystrokes, writes: server.projector.writes(sessionId) - writesBefore };
}

async function main() {
  const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const tdb = await createTestDatabase(backend);
  const server = await startTestServer(tdb.db);
  const session = await newSession(server, 'Projection lag benchmark');
  const client = connectClient(server.url, session.id, { token: session.editor });
  try {
    await client.synced();
    appendSpeakerBlock(client.doc, { speaker: 'Chair' }, 'Opening remarks.');
    appendSpeakerBlock(client.doc, { speaker: 'Malta', affiliation: '' }, 'On behalf of the European Union.');
    await client.save.whenSaved();
    console.log(`projection lag on ${backend} (debounce 400 ms, max wait 1000 ms)`);
    const iso = await isolatedEdits(tdb, client, session.id);
    console.log(summary('isolated edits', iso));
    const typing = await continuousTyping(server, tdb, client, session.id);
    console.log(summary('while typing', typing.lags));
    console.log(
      `${'writes while typing'.padEnd(22)} ${typing.writes} projection writes for ${typing.keystrokes} keystrokes over ${TYPING_SECONDS} s`,
    );
    const large = await newSession(server, 'Large record');
    const big = connectClient(server.url, large.id, { token: large.editor });
    await big.synced();
    const paragraph = 'The delegation supports the operational recommendations on supply reduction. '.repeat(20);
    for (let i = 0; i < LARGE_BLOCKS; i++) appendSpeakerBlock(big.doc, { speaker: `Delegation ${i}` }, paragraph);
    await big.save.whenSaved();
    await server.projector.flush(large.id);
    console.log(summary(`${LARGE_BLOCKS}-block record`, await isolatedEdits(tdb, big, large.id, LARGE_BLOCKS - 1)));
    big.destroy();
  } finally {
    client.destroy();
    await server.close();
    await tdb.drop();
  }
}

await main();
