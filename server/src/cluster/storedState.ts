/**
 * What the cluster has stored of one room's document, as every process knows it: the union of
 * the state loaded from Postgres, the clock ranges this process committed, and the ranges other
 * processes announced (relay Stored messages and Sync heartbeats). "Saved" shown to a client is
 * the contiguous prefix per Yjs client of that union, so a process never claims an update it only
 * received through the relay and nobody stored yet (DESIGN.md, Scale and availability).
 */
import * as Y from 'yjs';
import type { ClockRange } from './wire.ts';

/** The exact clock ranges an update carries (its Skip placeholders for gaps are not content). */
export function updateRanges(update: Uint8Array): ClockRange[] {
  const ranges: ClockRange[] = [];
  for (const s of Y.decodeUpdate(update).structs) {
    if (s instanceof Y.Skip || s.length === 0) continue;
    const last = ranges[ranges.length - 1];
    const from = s.id.clock;
    const to = from + s.length;
    if (last && last.client === s.id.client && last.to === from) last.to = to;
    else ranges.push({ client: s.id.client, from, to });
  }
  return ranges;
}

/** Disjoint, sorted ranges of stored clocks per client, and the prefix they make. */
export class StoredState {
  /** Per client: sorted, non-overlapping, non-touching [from, to) pairs, flattened. */
  private readonly ranges = new Map<number, number[]>();

  /**
   * Everything before each clock of a state vector is stored (loaded from the database, or another
   * process's stored prefix); returns whether the stored prefix of any client grew.
   */
  addStateVector(stateVector: Uint8Array | ReadonlyMap<number, number>): boolean {
    const sv = stateVector instanceof Uint8Array ? Y.decodeStateVector(stateVector) : stateVector;
    const ranges: ClockRange[] = [];
    for (const [client, clock] of sv) ranges.push({ client, from: 0, to: clock });
    return this.addRanges(ranges);
  }

  /** These clock ranges are stored; returns whether the stored prefix of any client grew. */
  addRanges(ranges: readonly ClockRange[]): boolean {
    let grew = false;
    for (const r of ranges) {
      if (r.to <= r.from) continue;
      const before = this.prefixOf(r.client);
      this.add(r.client, r.from, r.to);
      if (this.prefixOf(r.client) > before) grew = true;
    }
    return grew;
  }

  /** The stored clock of a client: the end of its range starting at 0 (0 when none). */
  prefixOf(client: number): number {
    const list = this.ranges.get(client);
    return list && list[0] === 0 ? list[1]! : 0;
  }

  /** The stored state vector: the contiguous prefix per client. */
  prefix(): Map<number, number> {
    const sv = new Map<number, number>();
    for (const client of this.ranges.keys()) {
      const clock = this.prefixOf(client);
      if (clock > 0) sv.set(client, clock);
    }
    return sv;
  }

  /** The stored state vector, encoded as Yjs encodes one. */
  encodedPrefix(): Uint8Array {
    return Y.encodeStateVector(this.prefix());
  }

  private add(client: number, from: number, to: number): void {
    const list = this.ranges.get(client) ?? [];
    const merged: number[] = [];
    let i = 0;
    // ranges wholly before the new one (not touching it)
    for (; i < list.length && list[i + 1]! < from; i += 2) merged.push(list[i]!, list[i + 1]!);
    let lo = from;
    let hi = to;
    // ranges overlapping or touching it are absorbed
    while (i < list.length && list[i]! <= hi) {
      lo = Math.min(lo, list[i]!);
      hi = Math.max(hi, list[i + 1]!);
      i += 2;
    }
    merged.push(lo, hi);
    for (; i < list.length; i += 2) merged.push(list[i]!, list[i + 1]!);
    this.ranges.set(client, merged);
  }
}
