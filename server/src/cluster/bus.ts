/**
 * The cluster's message bus on Redis, through ioredis: one pub/sub channel per room and a small
 * membership hash per room (which processes hold it, each entry with an expiry renewed by
 * heartbeats). The only file that knows Redis; the relay sees the `Bus` interface.
 *
 * Why ioredis (6.1.0) rather than node-redis: it reconnects on its own with a retry strategy we
 * set, resubscribes every channel after a reconnect, delivers pub/sub payloads as Buffers
 * (`messageBuffer`) without a mode switch, and is what Hocuspocus's Redis extension runs on, so
 * its behaviour under the failures that extension's users report is well trodden.
 *
 * During a Redis outage publishing fails at once (no offline queue: a backlog replayed after a
 * long outage would be stale and unbounded); what is lost is repaired by the relay's state-vector
 * exchange once `onReconnect` fires.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

/** What the relay needs from the cluster's transport. */
export interface Bus {
  /** This process's id in the cluster. */
  readonly processId: string;
  /** Deliver every message published on `channel` (by any process, us included) to `handler`. */
  subscribe(channel: string, handler: (message: Uint8Array) => void): void;
  unsubscribe(channel: string): void;
  /** Publish, fire and forget: dropped (and counted) while Redis is unreachable. */
  publish(channel: string, message: Uint8Array): void;
  /** Renew this process's membership of a room for `ttlMs`. */
  heartbeat(sessionId: string, ttlMs: number): void;
  /** This process no longer holds the room. */
  leave(sessionId: string): void;
  /** The processes holding a room now (expired entries left out). */
  members(sessionId: string): Promise<string[]>;
  /** Called after the connection to Redis came back (not on the first connect). */
  onReconnect(fn: () => void): void;
  /** Messages published and dropped so far (benchmarks, tests). */
  readonly stats: { published: number; dropped: number };
  close(): Promise<void>;
}

function membersKey(sessionId: string): string {
  return `rapporteur:members:${sessionId}`;
}

/** Reconnect after 100 ms, growing to 2 s, with jitter so a cluster does not reconnect in step. */
function retryDelay(attempt: number): number {
  return Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2);
}

/** The bus on a Redis server: one connection to publish and query, one subscribed. */
export class RedisBus implements Bus {
  readonly stats = { published: 0, dropped: 0 };
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (message: Uint8Array) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private wasReady = false;
  private down = false;

  constructor(
    url: string,
    readonly processId: string,
    private readonly logger: Logger,
  ) {
    const common = { retryStrategy: retryDelay, connectionName: `rapporteur:${processId}`, lazyConnect: false };
    this.pub = new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.sub = new Redis(url, { ...common, autoResubscribe: true });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const handler = this.handlers.get(channel.toString());
      if (handler) handler(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    });
    for (const conn of [this.pub, this.sub]) {
      conn.on('error', (err) => {
        if (!this.down) this.logger.warn('redis connection error; serving local clients until it is back', { err });
        this.down = true;
      });
    }
    this.sub.on('ready', () => {
      this.down = false;
      if (this.wasReady) {
        this.logger.info('redis is back; resynchronising rooms with the other processes');
        for (const fn of this.reconnectListeners) fn();
      }
      this.wasReady = true;
    });
  }

  subscribe(channel: string, handler: (message: Uint8Array) => void): void {
    this.handlers.set(channel, handler);
    this.sub.subscribe(channel).catch((err) => this.logger.warn('redis subscribe failed', { channel, err }));
  }

  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
    this.sub.unsubscribe(channel).catch(() => {});
  }

  publish(channel: string, message: Uint8Array): void {
    this.stats.published++;
    this.pub.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch(() => {
      this.stats.dropped++;
    });
  }

  heartbeat(sessionId: string, ttlMs: number): void {
    const key = membersKey(sessionId);
    this.pub
      .multi()
      .hset(key, this.processId, String(Date.now() + ttlMs))
      .pexpire(key, ttlMs * 3)
      .exec()
      .catch(() => {});
  }

  leave(sessionId: string): void {
    this.pub.hdel(membersKey(sessionId), this.processId).catch(() => {});
  }

  async members(sessionId: string): Promise<string[]> {
    const entries = await this.pub.hgetall(membersKey(sessionId));
    const now = Date.now();
    return Object.entries(entries)
      .filter(([, expires]) => Number(expires) > now)
      .map(([id]) => id);
  }

  onReconnect(fn: () => void): void {
    this.reconnectListeners.push(fn);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
