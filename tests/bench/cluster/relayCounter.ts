/**
 * Counts what the processes of a cluster publish on a room's Redis channel, by message kind
 * (server/src/cluster/wire.ts), from a subscriber of our own: the count is what Redis carried,
 * whichever process sent it. Also measures the pub/sub hop alone on this machine (publish →
 * delivery to a subscriber, one process, one clock): the least a relayed keystroke pays extra.
 */
import { readRelayMessage, roomChannel, unbatch } from '@rapporteur/server';
import { Redis } from 'ioredis';
import { Samples } from '../stats.ts';

/** Messages and bytes by kind over the windows counted. */
export interface RelayCounts {
  /** Redis messages by kind ('batch' for one carrying several). */
  messages: Map<string, number>;
  /** What they carried by kind, a batch's parts each counted. */
  parts: Map<string, number>;
  /** Messages carrying at least one part of a kind, by kind. */
  carrying: Map<string, number>;
  bytes: number;
}

/** A subscriber of one room's channel that counts while a window is open. */
export class RelayCounter {
  private readonly counts: RelayCounts = { messages: new Map(), parts: new Map(), carrying: new Map(), bytes: 0 };
  private counting = false;

  private constructor(private readonly sub: Redis) {}

  /** Subscribe to `sessionId`'s channel on the Redis at `url` (resolves once subscribed). */
  static async start(url: string, sessionId: string): Promise<RelayCounter> {
    const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await sub.connect();
    const counter = new RelayCounter(sub);
    sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => counter.count(message));
    await sub.subscribe(roomChannel(sessionId));
    return counter;
  }

  private count(message: Buffer): void {
    if (!this.counting) return;
    const msg = readRelayMessage(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
    add(this.counts.messages, msg?.kind ?? 'unreadable');
    const parts = msg ? unbatch(msg) : [];
    for (const part of parts) add(this.counts.parts, part.kind);
    for (const kind of new Set(parts.map((p) => p.kind))) add(this.counts.carrying, kind);
    this.counts.bytes += message.byteLength;
  }

  /** Count what arrives from now on (windows add up). */
  open(): void {
    this.counting = true;
  }

  /** Stop counting until the next `open()`. */
  close(): void {
    this.counting = false;
  }

  /** Everything counted so far. */
  get totals(): RelayCounts {
    return this.counts;
  }

  async stop(): Promise<void> {
    await this.sub.quit().catch(() => {});
    this.sub.disconnect();
  }
}

/**
 * The pub/sub hop on this machine: `count` messages of `bytes` bytes published `perSecond`, each
 * timed from PUBLISH to its delivery at a subscriber in this process. Returns the samples (ms).
 */
export async function pubSubFloor(url: string, count: number, perSecond: number, bytes = 60): Promise<Samples> {
  const pub = new Redis(url, { lazyConnect: true });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  const channel = `rapporteur:bench-floor:${process.pid}:${Date.now()}`;
  const sentAt = new Map<number, number>();
  const samples = new Samples();
  let received = 0;
  sub.on('messageBuffer', (_c: Buffer, message: Buffer) => {
    const t0 = sentAt.get(message.readUInt32LE(0));
    if (t0 !== undefined) samples.push(performance.now() - t0);
    received++;
  });
  await sub.subscribe(channel);
  try {
    const payload = Buffer.alloc(bytes);
    for (let i = 0; i < count; i++) {
      payload.writeUInt32LE(i, 0);
      sentAt.set(i, performance.now());
      void pub.publish(channel, Buffer.from(payload));
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
    const end = performance.now() + 2_000;
    while (received < count && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    return samples;
  } finally {
    await Promise.allSettled([pub.quit(), sub.quit()]);
    pub.disconnect();
    sub.disconnect();
  }
}
