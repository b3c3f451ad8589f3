/**
 * One owner per room for the work that must run once across the cluster, as room hooks. The
 * owner is the process holding the room's lease (lease.ts); every process holding the room tries
 * for it on load and every `tickMs`, so a dead owner's rooms pass on within seconds. The owner:
 * - runs the owner-only hooks (projection, automatic versions): they see the room from the
 *   moment the lease is won (as a load) and stop seeing it when it is lost or the room unloads;
 * - compacts the room's log, at most once per `compactEveryMs` (WriteQueues do not compact in a
 *   cluster: each process would compact the same rows on its own count);
 * - fills gaps: what its document has held for `gapFillAfterMs` beyond the stored state the
 *   cluster agrees on is appended and announced. That covers updates a dead process relayed but
 *   never stored, updates that reached a process only through the relay while still pending on
 *   its sender, and a process whose database writes keep failing while others' succeed. The
 *   append repeats what may be stored meanwhile: harmless, Yjs updates are idempotent.
 */
import * as Y from 'yjs';
import { COMPACT_AFTER_ROWS } from '@rapporteur/shared/protocol';
import type { Room, RoomHooks } from '../collab/room.ts';
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import type { Leases } from './lease.ts';
import type { Relay } from './relay.ts';

export interface OwnershipOptions {
  leases: Leases;
  relay: Relay;
  log: UpdateLog;
  logger: Logger;
  processId: string;
  /** Hooks that only the owner runs. */
  ownerHooks: readonly RoomHooks[];
  /** Lease attempts and owner duties (default 2 s). */
  tickMs?: number;
  /** How long an update may stay unstored before the owner stores it (default 4 s). */
  gapFillAfterMs?: number;
  /** Least time between two compactions of a room (default 30 s). */
  compactEveryMs?: number;
  /** Rows a room's log must have before it is compacted (default COMPACT_AFTER_ROWS). */
  compactAfterRows?: number;
}

interface Owned {
  room: Room;
  owner: boolean;
  /** The document's state vector now and then, to tell how long something has been unstored. */
  snapshots: { at: number; vector: Map<number, number> }[];
  lastCompaction: number;
  busy: boolean;
}

const leaseName = (sessionId: string) => `room:${sessionId}`;

/** Lease-guarded background work for every room loaded in this process. */
export class Ownership {
  private readonly rooms = new Map<string, Owned>();
  private readonly timer: NodeJS.Timeout;
  private readonly tickMs: number;
  /** Compactions this process ran (diagnostics, tests). */
  compactions = 0;
  /** Gap fills this process appended (diagnostics, tests). */
  gapFills = 0;

  constructor(private readonly opts: OwnershipOptions) {
    this.tickMs = opts.tickMs ?? 2_000;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  /** RoomHooks. */
  onLoad(room: Room): void {
    const owned: Owned = { room, owner: false, snapshots: [], lastCompaction: Date.now(), busy: false };
    this.rooms.set(room.sessionId, owned);
    void this.claim(owned);
  }

  /** RoomHooks: the owner's hooks follow edits from every process. */
  onUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    const owned = this.rooms.get(room.sessionId);
    if (!owned?.owner) return;
    for (const h of this.opts.ownerHooks) h.onUpdate?.(room, update, origin);
  }

  /** RoomHooks. */
  onDestroy(room: Room): void {
    const owned = this.rooms.get(room.sessionId);
    if (!owned || owned.room !== room) return;
    this.rooms.delete(room.sessionId);
    if (owned.owner) {
      for (const h of this.opts.ownerHooks) h.onDestroy?.(room);
      void this.opts.leases.release(leaseName(room.sessionId));
    }
  }

  /** The lease's connection dropped: these rooms have no owner here any more. */
  lost(names: readonly string[]): void {
    for (const name of names) {
      const owned = this.rooms.get(name.slice('room:'.length));
      if (!owned?.owner) continue;
      owned.owner = false;
      for (const h of this.opts.ownerHooks) h.onDestroy?.(owned.room);
    }
  }

  /** Whether this process owns the room now. */
  owns(sessionId: string): boolean {
    return this.rooms.get(sessionId)?.owner ?? false;
  }

  private async claim(owned: Owned): Promise<void> {
    if (owned.owner) return;
    const won = await this.opts.leases.tryAcquire(leaseName(owned.room.sessionId));
    if (!won || this.rooms.get(owned.room.sessionId) !== owned) {
      if (won) void this.opts.leases.release(leaseName(owned.room.sessionId)); // unloaded meanwhile
      return;
    }
    owned.owner = true;
    this.opts.logger.info('room owner', { sessionId: owned.room.sessionId, process: this.opts.processId });
    for (const h of this.opts.ownerHooks) h.onLoad?.(owned.room);
  }

  private tick(): void {
    for (const owned of this.rooms.values()) {
      if (!owned.owner) {
        void this.claim(owned);
        continue;
      }
      if (owned.busy) continue;
      owned.busy = true;
      void this.duties(owned)
        .catch((err) => this.opts.logger.warn('owner duties failed', { sessionId: owned.room.sessionId, err }))
        .finally(() => {
          owned.busy = false;
        });
    }
  }

  private async duties(owned: Owned): Promise<void> {
    await this.fillGaps(owned);
    const every = this.opts.compactEveryMs ?? 30_000;
    if (Date.now() - owned.lastCompaction >= every) {
      owned.lastCompaction = Date.now();
      const { rows } = await this.opts.log.stats(owned.room.sessionId);
      if (rows >= (this.opts.compactAfterRows ?? COMPACT_AFTER_ROWS) && owned.owner) {
        const { merged } = await this.opts.log.compact(owned.room.sessionId);
        this.compactions++;
        this.opts.logger.info('compacted', {
          sessionId: owned.room.sessionId,
          rows: merged,
          process: this.opts.processId,
        });
      }
    }
  }

  private async fillGaps(owned: Owned): Promise<void> {
    const { room } = owned;
    const now = Date.now();
    const vector = Y.decodeStateVector(Y.encodeStateVector(room.doc));
    owned.snapshots.push({ at: now, vector });
    const horizon = now - (this.opts.gapFillAfterMs ?? 4_000);
    // the newest snapshot old enough: what the document held then must be stored by now
    let old: Map<number, number> | null = null;
    while (owned.snapshots.length > 0 && owned.snapshots[0]!.at <= horizon) old = owned.snapshots.shift()!.vector;
    if (!old) return;
    const stored = this.opts.relay.storedPrefix(room.sessionId);
    if (!stored) return;
    const overdue = [...old].some(([client, clock]) => (stored.get(client) ?? 0) < clock);
    if (!overdue) return;
    const missing = Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(stored));
    await this.opts.log.append(room.sessionId, missing);
    this.gapFills++;
    this.opts.logger.warn('stored updates nobody else stored', {
      sessionId: room.sessionId,
      bytes: missing.byteLength,
    });
    this.opts.relay.onCommitted(room, missing);
  }

  /** Stop the owner duties (shutdown); leases go with Leases.close(). */
  close(): void {
    clearInterval(this.timer);
  }
}
