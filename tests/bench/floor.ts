/**
 * The floor on this machine: the same messages a writer's keystroke produces (one sync update
 * frame and one awareness frame of the real sizes) relayed by a bare `ws` server to N sockets.
 * No Yjs anywhere; what remains is sockets, the loopback and this generator.
 */
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { appendSpeakerBlock } from '../helpers/record.ts';
import { watchGenerator, type GeneratorLoad } from './generator.ts';
import { cpuPercent, ProcSampler } from './procstat.ts';
import { CHARS_PER_SECOND } from './scenarios.ts';
import { startTarget } from './servers.ts';
import { quantile, Samples } from './stats.ts';

/** What the floor run measured. */
export interface FloorResult {
  clients: number;
  writers: number;
  latency: { p50: number; p99: number; max: number };
  delivery: number;
  serverCpu: number;
  generator: GeneratorLoad;
  /** Ms this generator alone spends applying one keystroke to every other client's document (keystrokeApplyMs). */
  applyPerKeystrokeMs?: number;
  /** Large document only: ms for this generator alone to apply it into N documents (decodeFloorMs). */
  decodeAllMs?: number;
}

/** A keystroke's two frames, as the stock provider sends them. */
function keystrokeFrames(): { update: Uint8Array; awareness: Uint8Array } {
  const doc = new Y.Doc();
  const text = appendSpeakerBlock(doc, { speaker: 'Delegate 1' }, 'The Commission took note');
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  text.insert(text.length, '.');
  const awareness = new awarenessProtocol.Awareness(doc);
  const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
  awareness.setLocalState({ user: { name: 'Note-taker 1', color: '#3cb44b' }, cursor: { anchor: caret, head: caret } });
  const frame = (type: number, body: Uint8Array, sub?: number) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    if (sub !== undefined) encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, body);
    return encoding.toUint8Array(e);
  };
  const result = {
    update: frame(0, update, 2),
    awareness: frame(1, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
  };
  awareness.destroy();
  doc.destroy();
  return result;
}

/** Relay `writers` × 5 keystrokes/s among `clients` sockets for `durationMs`. */
export async function runFloor(clients: number, writers: number, durationMs = 5_000): Promise<FloorResult> {
  const target = await startTarget('floor');
  const sampler = new ProcSampler(target.pid).start();
  const sockets: WebSocket[] = [];
  try {
    await Promise.all(
      Array.from({ length: clients }, () => {
        const ws = new WebSocket(target.wsBase, { perMessageDeflate: false });
        sockets.push(ws);
        return new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
      }),
    );
    const frames = keystrokeFrames();
    const sentAt: number[][] = Array.from({ length: writers }, () => []);
    const latencies = new Samples();
    // frames are stamped with writer and sequence number in their first bytes (the relay does
    // not read them); awareness frames start with 0xff so receivers skip them
    for (const ws of sockets) {
      ws.on('message', (data: Buffer) => {
        if (data[0] === 0xff) return;
        const t0 = sentAt[data.readUInt16LE(0)]?.[data.readUInt32LE(2)];
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      });
    }
    const gen = watchGenerator();
    const before = sampler.sample();
    const period = 1000 / CHARS_PER_SECOND;
    const timers: NodeJS.Timeout[] = [];
    sockets.slice(0, writers).forEach((ws, w) => {
      const send = () => {
        const update = Buffer.from(frames.update);
        update.writeUInt16LE(w, 0);
        update.writeUInt32LE(sentAt[w]!.length, 2);
        sentAt[w]!.push(performance.now());
        ws.send(update);
        const awareness = Buffer.from(frames.awareness);
        awareness[0] = 0xff;
        ws.send(awareness);
      };
      timers.push(
        setTimeout(
          () => {
            send();
            timers.push(setInterval(send, period));
          },
          (period * w) / writers,
        ),
      );
    });
    await new Promise((r) => setTimeout(r, durationMs));
    for (const t of timers) clearTimeout(t);
    const after = sampler.sample();
    const generator = gen.stop();
    const sent = sentAt.reduce((n, s) => n + s.length, 0);
    const expected = sent * (clients - 1);
    const end = performance.now() + 10_000;
    while (latencies.length < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    const sorted = latencies.sorted();
    return {
      clients,
      writers,
      latency: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: quantile(sorted, 1) },
      delivery: expected === 0 ? 1 : latencies.length / expected,
      serverCpu: cpuPercent(before, after),
      generator,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    sampler.stop();
    await target.stop();
  }
}

/**
 * A client's document holding `state`, with the listeners the stock provider (`update`) and the
 * latency recorder (`afterTransaction`) attach, so applying to it costs what it costs a client.
 */
function receiverDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', () => {});
  doc.on('afterTransaction', () => {});
  Y.applyUpdate(doc, state, 'provider');
  return doc;
}

/**
 * The generator's own floor for a large document: the time this process takes to apply the whole
 * document `clients` times, each into its own Y.Doc with the listeners a stock provider and the
 * latency recorder attach, all kept alive as the joiners are. No server and no socket: no joiner
 * of any server can be synced sooner than this in this generator.
 */
export function decodeFloorMs(update: Uint8Array, clients: number): number {
  // best of two, so that the first, which also compiles Yjs's decoder, does not count
  return Math.min(applyAll(update, clients), applyAll(update, clients));
}

function applyAll(update: Uint8Array, clients: number): number {
  const docs: Y.Doc[] = [];
  const t0 = performance.now();
  for (let i = 0; i < clients; i++) {
    docs.push(receiverDoc(update));
  }
  const ms = performance.now() - t0;
  for (const doc of docs) doc.destroy();
  return ms;
}

/**
 * The generator's own work per keystroke: the median time to apply one typed character, as the
 * stock provider receives it, to `receivers` documents (each with a provider's and the latency
 * recorder's listeners). The last receiver of a keystroke can see it no sooner than this after
 * the first, whatever the server.
 */
export function keystrokeApplyMs(receivers: number, keystrokes = 40): number {
  const writer = new Y.Doc();
  const text = appendSpeakerBlock(writer, { speaker: 'Delegate 1' }, 'The Commission took note');
  const base = Y.encodeStateAsUpdate(writer);
  const docs = Array.from({ length: receivers }, () => receiverDoc(base));
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < keystrokes; i++) text.insert(text.length, '.');
  const times = updates.map((update) => {
    const t0 = performance.now();
    for (const doc of docs) Y.applyUpdate(doc, update, 'provider');
    return performance.now() - t0;
  });
  for (const doc of [writer, ...docs]) doc.destroy();
  times.sort((a, b) => a - b);
  return quantile(times, 0.5);
}
