/**
 * What one room link publishes, gathered so that a keystroke costs one Redis message: everything
 * the link sends within an event-loop turn, and the turn after, goes out as one message (a Batch
 * when there are several parts, wire.ts). The one more turn lets in the frames a client sent
 * right behind its update (its caret move arrives as a second WebSocket frame, often read from
 * the socket a poll later); it costs one pass of the event loop, not a timer. The updates are
 * merged into one Update; just before anything goes out, `beforeSend` may add what should ride
 * along (the presence gathered so far, so a caret move typed with a keystroke costs nothing more).
 *
 * "Stored" announcements are not urgent enough for a message of their own: the ranges committed
 * wait for the room's next outbound message and ride in it, or go alone once `storedBoundMs`
 * passed with nothing sent. The bound is longer than the pause between a typist's keystrokes, so
 * while someone types each commit rides with their next keystroke. They are announced only after
 * the commit, so "saved" still means "in Postgres"; the bound is the most that "saved" for a
 * change typed on another process is delayed for the clients here (their own changes are
 * acknowledged by their own process at once).
 */
import * as Y from 'yjs';
import { type ClockRange, writeRelayBatch, writeRelayStored, writeRelayUpdate } from './wire.ts';

/**
 * The longest a "stored" announcement waits for another message of its room to ride in: above
 * the pause between keystrokes of a typist (200 ms at 5 characters a second, the benchmark's
 * pace; most pauses within a word are shorter), so typing costs no message for it.
 */
export const STORED_ANNOUNCE_BOUND_MS = 400;

/** Where the outbox sends, and who it sends as. */
export interface OutboxTarget {
  sender: string;
  /** Publish one Redis message. */
  send(message: Uint8Array): void;
  /** Just before a message goes out: add (with `message`) what should ride along. */
  beforeSend(): void;
  storedBoundMs: number;
}

/** Add `r` to `ranges`, extending a range of the same client that ends where it starts. */
function addRange(ranges: ClockRange[], r: ClockRange): void {
  const before = ranges.find((x) => x.client === r.client && x.to === r.from);
  if (before) before.to = r.to;
  else ranges.push({ ...r });
}

/** The outbound messages of one room link. */
export class RoomOutbox {
  private updates: Uint8Array[] = [];
  private messages: Uint8Array[] = [];
  private stored: ClockRange[] = [];
  private turn: NodeJS.Immediate | null = null;
  private storedTimer: NodeJS.Timeout | null = null;

  constructor(private readonly target: OutboxTarget) {}

  /** An update integrated locally: merged with the turn's others into one Update. */
  update(update: Uint8Array): void {
    this.updates.push(update);
    this.schedule();
  }

  /** Any other encoded message (not a batch): sent after this turn and the next, in order. */
  message(message: Uint8Array): void {
    this.messages.push(message);
    this.schedule();
  }

  /** Send after one more pass of the event loop (its poll reads what already reached the sockets). */
  private schedule(): void {
    this.turn ??= setImmediate(() => {
      this.turn = setImmediate(() => this.flush());
    });
  }

  /** Clock ranges this process committed: announced with the next message, or alone after the bound. */
  committed(ranges: readonly ClockRange[]): void {
    for (const r of ranges) addRange(this.stored, r);
    this.storedTimer ??= setTimeout(() => this.flush(), this.target.storedBoundMs);
  }

  /** Send everything pending now, as one message. */
  flush(): void {
    this.target.beforeSend();
    if (this.turn) clearImmediate(this.turn);
    if (this.storedTimer) clearTimeout(this.storedTimer);
    this.turn = null;
    this.storedTimer = null;
    const { sender } = this.target;
    const parts: Uint8Array[] = [];
    if (this.updates.length > 0) {
      const u = this.updates;
      parts.push(writeRelayUpdate(sender, u.length === 1 ? u[0]! : Y.mergeUpdates(u)));
    }
    // stored ranges were committed before this turn's other messages were made: they go first
    if (this.stored.length > 0) parts.push(writeRelayStored(sender, this.stored));
    parts.push(...this.messages);
    this.updates = [];
    this.messages = [];
    this.stored = [];
    if (parts.length > 0) this.target.send(writeRelayBatch(sender, parts));
  }
}
