/**
 * Propagation latency, matched by Yjs item id. A writer registers each keystroke's item id
 * (its client id, the clock the insert will take) with the time just before the insert; every
 * other client reports the items a remote transaction integrated (the clock ranges between the
 * transaction's before- and after-state), and the difference is that receiver's latency for that
 * item. All clients live in this process, so one monotonic clock (performance.now()) serves all.
 */
import type * as Y from 'yjs';
import type { BenchClient } from './clients.ts';
import { Samples } from './stats.ts';

interface Item {
  t0: number;
  writer: BenchClient;
  /** Receivers that were synced when the item was typed: they must get it by propagation. */
  expected: number;
  delivered: number;
}

/** Collects every (item, receiver) latency of one run. */
export class PropagationRecorder {
  /** All latencies (ms). */
  readonly latencies = new Samples();
  /** Latencies by the second (since `origin`) in which the item was typed. */
  readonly perSecond: Samples[] = [];
  /** Keystroke → "persisted" acknowledgement at the writer (ours only). */
  readonly saved = new Samples();
  private readonly items = new Map<number, Map<number, Item>>();
  private expectedTotal = 0;
  private deliveredTotal = 0;
  private readonly clients: BenchClient[] = [];
  /** Latencies by the class `classify` gives each (writer, receiver) pair (the cluster benchmark: same or other process). */
  readonly byClass = new Map<string, Samples>();

  constructor(
    private readonly origin: number,
    private readonly classify?: (writer: BenchClient, receiver: BenchClient) => string,
  ) {}

  /** Deliveries expected and made so far. */
  get delivery(): { expected: number; delivered: number } {
    return { expected: this.expectedTotal, delivered: this.deliveredTotal };
  }

  /** Number of items typed. */
  get typed(): number {
    let n = 0;
    for (const m of this.items.values()) n += m.size;
    return n;
  }

  /** Start observing a client's document (call once per client, writers included). */
  watch(client: BenchClient): void {
    this.clients.push(client);
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      for (const [writerId, byClock] of this.items) {
        const before = tr.beforeState.get(writerId) ?? 0;
        const after = tr.afterState.get(writerId) ?? 0;
        for (let clock = before; clock < after; clock++) {
          const item = byClock.get(clock);
          // items typed before this receiver synced reached it by the initial sync: not counted
          if (!item || !(client.syncedAt <= item.t0)) continue;
          item.delivered++;
          this.deliveredTotal++;
          const latency = now - item.t0;
          this.latencies.push(latency);
          const second = Math.max(0, Math.floor((item.t0 - this.origin) / 1000));
          while (this.perSecond.length <= second) this.perSecond.push(new Samples());
          this.perSecond[second]!.push(latency);
          if (this.classify) this.samplesOf(this.classify(item.writer, client)).push(latency);
        }
      }
    });
  }

  /** A writer is about to insert one item at `clock`; call right before the transaction. */
  typing(writer: BenchClient, clock: number): void {
    const t0 = performance.now();
    let expected = 0;
    for (const c of this.clients) if (c !== writer && c.syncedAt <= t0) expected++;
    let byClock = this.items.get(writer.doc.clientID);
    if (!byClock) {
      byClock = new Map();
      this.items.set(writer.doc.clientID, byClock);
    }
    byClock.set(clock, { t0, writer, expected, delivered: 0 });
    this.expectedTotal += expected;
  }

  private samplesOf(cls: string): Samples {
    let s = this.byClass.get(cls);
    if (!s) {
      s = new Samples();
      this.byClass.set(cls, s);
    }
    return s;
  }

  /** True once every expected delivery was made. */
  complete(): boolean {
    return this.deliveredTotal >= this.expectedTotal;
  }
}
