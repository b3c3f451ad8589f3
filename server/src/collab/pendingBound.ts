/**
 * A room's causally incomplete updates, held outside the Y.Doc until what they need arrives, and
 * bounded in bytes and in count (issue 12, item 4). Yjs would keep them in its own pending store,
 * where each further update re-merges all of them (quadratic) and none counts toward the document
 * size. Here each held update carries its unmet needs (a few client clocks, see causality.ts), so
 * checking them after an applied update costs a few comparisons per held update, and over the
 * bound the socket holding the most is named for closing, its updates dropped.
 */
import { MAX_PENDING_BYTES, MAX_PENDING_UPDATES } from '@rapporteur/shared/protocol';
import type * as Y from 'yjs';
import { type Needs, unmetNeeds } from './causality.ts';
import type { DecodedUpdate } from './codec.ts';

/** One held update, its sender and what it still needs. */
export interface HeldUpdate<S> {
  sender: S;
  update: Uint8Array;
  decoded: DecodedUpdate;
  needs: Needs;
}

/** The bounds (defaults from shared/protocol; tests may lower them). */
export interface PendingLimits {
  maxBytes: number;
  maxCount: number;
}

/** Held updates of one room, in arrival order. `S` is the sender (a Connection in the room). */
export class PendingUpdates<S> {
  private held: HeldUpdate<S>[] = [];
  private bytes = 0;
  private readonly bySender = new Map<S, { bytes: number; count: number }>();

  constructor(
    private readonly limits: PendingLimits = { maxBytes: MAX_PENDING_BYTES, maxCount: MAX_PENDING_UPDATES },
  ) {}

  /** Bytes held. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** Updates held. */
  get size(): number {
    return this.held.length;
  }

  /**
   * Hold an update. Returns the senders to close, in order, when the room's bound is exceeded:
   * those holding the most (bytes or updates, whichever bound is passed), until the rest fits
   * (their held updates are already dropped).
   */
  hold(entry: HeldUpdate<S>): S[] {
    this.held.push(entry);
    this.bytes += entry.update.byteLength;
    const share = this.bySender.get(entry.sender) ?? { bytes: 0, count: 0 };
    share.bytes += entry.update.byteLength;
    share.count++;
    this.bySender.set(entry.sender, share);
    const evicted: S[] = [];
    while (this.bytes > this.limits.maxBytes || this.held.length > this.limits.maxCount) {
      // over in bytes: the sender holding the most bytes goes; over in count: the most updates
      const byBytes = this.bytes > this.limits.maxBytes;
      let largest: S | undefined;
      let most = -1;
      for (const [sender, share] of this.bySender) {
        const amount = byBytes ? share.bytes : share.count;
        if (amount > most) {
          most = amount;
          largest = sender;
        }
      }
      if (largest === undefined) break;
      this.drop(largest);
      evicted.push(largest);
    }
    return evicted;
  }

  /** Remove and return, in arrival order, the held updates whose needs `doc` now meets. */
  takeReady(doc: Y.Doc): HeldUpdate<S>[] {
    if (this.held.length === 0) return [];
    const ready: HeldUpdate<S>[] = [];
    const kept: HeldUpdate<S>[] = [];
    for (const entry of this.held) {
      entry.needs = unmetNeeds(entry.needs, doc);
      if (entry.needs.size === 0) ready.push(entry);
      else kept.push(entry);
    }
    if (ready.length === 0) return ready;
    this.held = kept;
    for (const e of ready) this.forget(e);
    return ready;
  }

  /** Drop everything a sender holds (it left, or was closed). */
  drop(sender: S): void {
    if (!this.bySender.has(sender)) return;
    this.held = this.held.filter((e) => {
      if (e.sender !== sender) return true;
      this.bytes -= e.update.byteLength;
      return false;
    });
    this.bySender.delete(sender);
  }

  private forget(entry: HeldUpdate<S>): void {
    this.bytes -= entry.update.byteLength;
    const share = this.bySender.get(entry.sender);
    if (!share) return;
    share.bytes -= entry.update.byteLength;
    if (--share.count === 0) this.bySender.delete(entry.sender);
  }
}
