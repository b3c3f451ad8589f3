/**
 * Who is typing in which block right now (issue 13, item 2), from the awareness `typing` field
 * (shared/src/cockpit/typing.ts): someone counts as typing in a block until TYPING_RECENT_MS after
 * this page last saw their announcement change. The store changes only when that picture does,
 * and wakes itself when the oldest announcement runs out.
 */
import { readTyping, TYPING_RECENT_MS } from '@rapporteur/shared/cockpit';
import type { Awareness } from 'y-protocols/awareness';
import { Store } from './store.ts';

/** Someone typing in a block. */
export interface Typist {
  clientId: number;
  name: string;
  color: string;
}

/** Typists by block id (each list in client-id order). */
export type TypingState = ReadonlyMap<string, readonly Typist[]>;

const NONE: readonly Typist[] = [];

/** The other people typing, kept current until `destroy()`. */
export class TypingStore extends Store<TypingState> {
  private readonly seen = new Map<number, { key: string; blockId: string; since: number; typist: Typist }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private key = '';
  private readonly onChange = () => this.refresh();

  constructor(
    readonly awareness: Awareness,
    private readonly clock: () => number = Date.now,
  ) {
    super(new Map());
    awareness.on('change', this.onChange);
    this.refresh();
  }

  private refresh(): void {
    const now = this.clock();
    const entries = readTyping(this.awareness.getStates() as Map<number, Record<string, unknown>>);
    for (const id of this.seen.keys()) if (!entries.has(id)) this.seen.delete(id);
    for (const [clientId, e] of entries) {
      if (clientId === this.awareness.clientID) continue;
      const key = `${e.blockId}|${e.at}`;
      const typist = { clientId, name: e.user?.name || 'Someone', color: e.user?.color || '#6b7280' };
      const before = this.seen.get(clientId);
      this.seen.set(clientId, { key, blockId: e.blockId, since: before?.key === key ? before.since : now, typist });
    }
    const byBlock = new Map<string, Typist[]>();
    let nextExpiry = Number.POSITIVE_INFINITY;
    for (const { blockId, since, typist } of this.seen.values()) {
      const until = since + TYPING_RECENT_MS;
      if (until <= now) continue;
      nextExpiry = Math.min(nextExpiry, until);
      byBlock.set(
        blockId,
        [...(byBlock.get(blockId) ?? []), typist].sort((a, b) => a.clientId - b.clientId),
      );
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = Number.isFinite(nextExpiry) ? setTimeout(() => this.refresh(), nextExpiry - now + 10) : undefined;
    const key = JSON.stringify([...byBlock]);
    if (key === this.key) return;
    this.key = key;
    this.set(byBlock);
  }

  /** The people typing in `blockId` now (a stable empty list when none). */
  typistsIn(blockId: string): readonly Typist[] {
    return this.get().get(blockId) ?? NONE;
  }

  /** Stop following the awareness. */
  destroy(): void {
    this.awareness.off('change', this.onChange);
    if (this.timer !== undefined) clearTimeout(this.timer);
  }
}
