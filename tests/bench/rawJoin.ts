/**
 * How fast a server hands the initial document to many joiners at once, without the cost of
 * applying it. With the real providers, "synced" includes each client applying the whole state,
 * and in one generator process those applications run one after another (about 10-30 ms each
 * for a 380 KB document), so 100 joiners take seconds however fast the server is. These bare
 * sockets speak just enough of each protocol to ask for the document (SyncStep1 with an empty
 * state vector) and note when the answer has arrived in full: one SyncStep2, or, from our server,
 * a long document's parts as updates followed by a SyncStep2 with the last part (syncReply.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import type { BenchRoom, Target } from './servers.ts';
import { quantile } from './stats.ts';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH = 2;

function requestFrames(target: Target, room: BenchRoom): Uint8Array[] {
  const e = encoding.createEncoder();
  const hocuspocus = target.kind === 'hocuspocus';
  if (hocuspocus) {
    // Hocuspocus multiplexes documents on a socket: every frame names its document, and a
    // document is opened by an authentication frame (token type 0, empty token)
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, room.name);
    encoding.writeVarUint(auth, AUTH);
    encoding.writeVarUint(auth, 0);
    encoding.writeVarString(auth, '');
    encoding.writeVarString(e, room.name);
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, STEP1);
    encoding.writeVarUint8Array(e, new Uint8Array([0]));
    return [encoding.toUint8Array(auth), encoding.toUint8Array(e)];
  }
  encoding.writeVarUint(e, SYNC);
  encoding.writeVarUint(e, STEP1);
  encoding.writeVarUint8Array(e, new Uint8Array([0]));
  return [encoding.toUint8Array(e)];
}

/** The kind and byte length of the update in a sync frame (SyncStep2 or update), or null. */
function syncPayload(target: Target, data: Uint8Array): { step2: boolean; bytes: number } | null {
  const d = decoding.createDecoder(data);
  if (target.kind === 'hocuspocus') decoding.readVarString(d);
  if (decoding.readVarUint(d) !== SYNC) return null;
  const type = decoding.readVarUint(d);
  if (type !== STEP2 && type !== UPDATE) return null;
  return { step2: type === STEP2, bytes: decoding.readVarUint(d) };
}

/** Open `n` sockets at once; resolve with when each received a SyncStep2 of at least `minBytes`. */
export async function measureRawJoin(
  target: Target,
  room: BenchRoom,
  n: number,
  minBytes: number,
  timeoutMs = 60_000,
): Promise<{ allMs: number; p50Ms: number; received: number }> {
  const params = new URLSearchParams(room.params('watcher')).toString();
  const url =
    target.kind === 'hocuspocus' ? target.wsBase : `${target.wsBase}/${room.name}${params ? `?${params}` : ''}`;
  const frames = requestFrames(target, room);
  const start = performance.now();
  const sockets: WebSocket[] = [];
  const times = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          sockets.push(ws);
          const timer = setTimeout(() => resolve(Number.NaN), timeoutMs);
          ws.on('open', () => {
            for (const f of frames) ws.send(f);
          });
          let received = 0;
          ws.on('message', (data: Buffer) => {
            const payload = syncPayload(target, data);
            if (!payload) return;
            received += payload.bytes;
            if (payload.step2 && received >= minBytes) {
              clearTimeout(timer);
              resolve(performance.now() - start);
            }
          });
          ws.on('error', () => {});
        }),
    ),
  );
  for (const ws of sockets) ws.terminate();
  const ok = times.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  return { allMs: ok.length === n ? ok.at(-1)! : Number.NaN, p50Ms: quantile(ok, 0.5), received: ok.length };
}
