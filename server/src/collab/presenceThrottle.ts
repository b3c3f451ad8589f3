/**
 * Presence rate limits for one room (issue 12: 40 sockets sending 2 KB presence states at ~850
 * frames/s raised another client's update round trip to p95 505 ms). Each socket may have its
 * presence applied PRESENCE_PER_SOCKET_BURST times at once and PRESENCE_PER_SOCKET_PER_SECOND
 * after; the room applies at most PRESENCE_PER_ROOM_PER_SECOND entries and
 * PRESENCE_BYTES_PER_ROOM_PER_SECOND bytes of state. Beyond them only a socket's latest state is
 * kept (a caret position supersedes the previous one) and applied when budget is back, in the
 * order sockets fell behind. Presence that leaves (a null state) is never held back.
 * Document updates never pass here, so they keep their latency whatever presence does.
 */
import {
  PRESENCE_BYTES_PER_ROOM_PER_SECOND,
  PRESENCE_PER_ROOM_PER_SECOND,
  PRESENCE_PER_SOCKET_BURST,
  PRESENCE_PER_SOCKET_PER_SECOND,
} from '@rapporteur/shared/protocol';
import type { AwarenessEntry } from './awarenessFilter.ts';
import { TokenBucket } from './rateLimit.ts';

/** The limits (defaults from shared/protocol). */
export interface PresenceLimits {
  perSocketBurst: number;
  perSocketPerSecond: number;
  perRoomPerSecond: number;
  bytesPerRoomPerSecond: number;
}

const DEFAULT_LIMITS: PresenceLimits = {
  perSocketBurst: PRESENCE_PER_SOCKET_BURST,
  perSocketPerSecond: PRESENCE_PER_SOCKET_PER_SECOND,
  perRoomPerSecond: PRESENCE_PER_ROOM_PER_SECOND,
  bytesPerRoomPerSecond: PRESENCE_BYTES_PER_ROOM_PER_SECOND,
};

/** Applies sockets' presence entries within the room's and each socket's rate. */
export class PresenceThrottle<S> {
  private readonly sockets = new Map<S, TokenBucket>();
  private readonly roomEntries: TokenBucket;
  private readonly roomBytes: TokenBucket;
  /** The latest entry of each socket over its rate, in the order they fell behind. */
  private readonly held = new Map<S, AwarenessEntry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly apply: (socket: S, entry: AwarenessEntry) => void,
    private readonly limits: PresenceLimits = DEFAULT_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.roomEntries = new TokenBucket(limits.perRoomPerSecond, limits.perRoomPerSecond, now);
    this.roomBytes = new TokenBucket(limits.bytesPerRoomPerSecond, limits.bytesPerRoomPerSecond, now);
  }

  /** A socket's own entry arrived: apply it now if within the rates, else keep it as its latest. */
  offer(socket: S, entry: AwarenessEntry): void {
    if (entry.state === 'null') {
      this.held.delete(socket);
      this.apply(socket, entry);
      return;
    }
    if (!this.held.has(socket) && this.takeTurn(socket, entry)) {
      this.apply(socket, entry);
      return;
    }
    this.held.delete(socket); // re-inserted last: its turn comes after those behind longer
    this.held.set(socket, entry);
    this.schedule();
  }

  /** Whether a presence entry of `socket` is held back, not yet applied. */
  isHolding(socket: S): boolean {
    return this.held.has(socket);
  }

  /** The socket left: forget its budget and what it held. */
  forget(socket: S): void {
    this.sockets.delete(socket);
    this.held.delete(socket);
  }

  /** Stop the timer (room destroyed). */
  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held.clear();
  }

  private bucket(socket: S): TokenBucket {
    let b = this.sockets.get(socket);
    if (!b) {
      b = new TokenBucket(this.limits.perSocketBurst, this.limits.perSocketPerSecond, this.now);
      this.sockets.set(socket, b);
    }
    return b;
  }

  private takeTurn(socket: S, entry: AwarenessEntry): boolean {
    const own = this.bucket(socket);
    const bytes = entry.state.length;
    if (!own.has() || !this.roomEntries.has() || !this.roomBytes.has(bytes)) return false;
    own.take();
    this.roomEntries.take();
    this.roomBytes.take(bytes);
    return true;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.release(), Math.max(10, 1000 / this.limits.perSocketPerSecond));
    this.timer.unref?.();
  }

  /** Apply held entries whose turn has come; the room's budget stops the walk when spent. */
  private release(): void {
    this.timer = null;
    for (const [socket, entry] of [...this.held]) {
      if (!this.roomEntries.has() || !this.roomBytes.has(entry.state.length)) break;
      if (!this.takeTurn(socket, entry)) continue;
      this.held.delete(socket);
      this.apply(socket, entry);
    }
    if (this.held.size > 0) this.schedule();
  }
}
