/**
 * Document updates while note-takers flood presence (issue 12): FLOODERS raw sockets send 2 KB
 * awareness states, FLOOD_RATE frames a second in all (850: the rate the issue measured), while
 * a writer types into a block and a reader's copy times each keystroke (typed → integrated at the
 * reader; one process, one clock).
 * Two phases of BENCH_SECONDS each, typing alone, then typing during the flood, against the
 * production build on its own process (embedded PGlite unless DATABASE_URL is set).
 *
 *   npx tsx tests/bench/presence-flood.ts         (FLOODERS=40 FLOOD_RATE=850 BENCH_SECONDS=10)
 *
 * The figure the issue measured before presence was throttled: update round trip p95 505 ms.
 */
import { WebSocket } from 'ws';
import { connectClient } from '../helpers/clients.ts';
import { appendSpeakerBlock, blockText } from '../helpers/record.ts';
import { presenceFrame } from '../helpers/presenceFrame.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { startBuiltServer } from './builtServer.ts';
import { quantile, Samples } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FLOODERS = Number(process.env.FLOODERS ?? 40);
const STATE_BYTES = 2_000;
const KEYS_PER_SECOND = 10;
const FLOOD_RATE = Number(process.env.FLOOD_RATE ?? 850);

/** An awareness entry of about STATE_BYTES, as a raw client sends it. */
const floodFrame = (clientId: number, clock: number) =>
  presenceFrame(clientId, clock, { user: { name: 'x'.repeat(STATE_BYTES) }, cursor: { anchor: clock } });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const server = await startBuiltServer();
  const { url } = server;
  const flooders: WebSocket[] = [];
  try {
    const res = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ title: 'Presence flood' }),
    });
    const session = (await res.json()) as { id: string; links: { noteTaker: string } };
    const token = new URL(session.links.noteTaker, url).searchParams.get('token')!;
    const writer = connectClient(url, session.id, { token, name: 'Writer' });
    const reader = connectClient(url, session.id, { token, name: 'Reader' });
    await Promise.all([writer.synced(), reader.synced()]);
    appendSpeakerBlock(writer.doc, { speaker: 'Chair' });
    while (reader.doc.getXmlFragment('record').length < 1) await sleep(10);

    // each keystroke is a unique marker; the reader notes when it arrives
    const sentAt = new Map<string, number>();
    const arrived = new Map<string, number>();
    reader.doc.on('update', () => {
      const text = blockText(reader.doc, 0).toString();
      for (const [m, t] of sentAt) if (!arrived.has(m) && text.includes(m)) arrived.set(m, performance.now() - t);
    });
    let n = 0;
    const phase = async (): Promise<Samples> => {
      const markers: string[] = [];
      const until = performance.now() + SECONDS * 1000;
      while (performance.now() < until) {
        const m = `<${n++}>`;
        markers.push(m);
        sentAt.set(m, performance.now());
        const t = blockText(writer.doc, 0);
        t.insert(t.length, m);
        await sleep(1000 / KEYS_PER_SECOND);
      }
      await sleep(2000);
      const samples = new Samples();
      for (const m of markers) samples.push(arrived.get(m) ?? Number.POSITIVE_INFINITY);
      return samples;
    };
    const print = (label: string, s: Samples) => {
      const x = s.sorted();

      console.log(
        `${label.padEnd(28)} n=${x.length}  p50 ${quantile(x, 0.5).toFixed(1)} ms  p95 ${quantile(x, 0.95).toFixed(1)} ms  p99 ${quantile(x, 0.99).toFixed(1)} ms  max ${(x.at(-1) ?? Number.NaN).toFixed(1)} ms`,
      );
    };
    const calm = await phase();

    let stop = false;
    let sentFrames = 0;
    let closed = 0;
    for (let i = 0; i < FLOODERS; i++) {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/collab/${session.id}?token=${token}`);
      ws.on('error', () => {});
      ws.on('close', () => closed++);
      flooders.push(ws);
    }
    await Promise.all(flooders.map((ws) => new Promise((r) => ws.once('open', r))));
    // the flood: ~FLOOD_RATE frames a second in all, spread over the sockets (a flood at
    // the load generator's own limit would measure the generator, which shares this process)
    const flood = flooders.map(async (ws, i) => {
      let clock = 1;
      const period = (1000 * FLOODERS) / FLOOD_RATE;
      await sleep((period * i) / FLOODERS);
      while (!stop && ws.readyState === ws.OPEN) {
        ws.send(floodFrame(900_000 + i, clock++));
        sentFrames++;
        await sleep(period);
      }
    });
    const flooded = await phase();
    stop = true;
    await Promise.all(flood);

    console.log(
      `\n${FLOODERS} sockets flooding ${STATE_BYTES} B presence states; a writer types ${KEYS_PER_SECOND} keys/s; typed → at the reader:`,
    );
    print('typing alone', calm);
    print('typing during the flood', flooded);
    console.log(
      `presence frames sent by the flooders: ${sentFrames.toLocaleString('en')} (${Math.round(sentFrames / SECONDS).toLocaleString('en')}/s); flooders closed: ${closed}`,
    );
    const p95 = quantile(flooded.sorted(), 0.95);
    console.log(`update p95 during the flood: ${p95.toFixed(1)} ms (before the presence limits: 505 ms)`);
    writer.destroy();
    reader.destroy();
  } finally {
    for (const ws of flooders) ws.terminate();
    await server.stop();
  }
}

await main();
