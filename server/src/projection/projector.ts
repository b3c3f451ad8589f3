import type { RoomHooks } from '../collab/room.ts';
import type { Logger } from '../logger.ts';
import { type ProjectionTiming, RoomProjection } from './roomProjection.ts';
import type { ProjectionSource } from './snapshot.ts';
import type { ProjectionWriter } from './store.ts';

/** Defaults: well inside the "about a second" the issue asks for, far from every keystroke. */
export const DEFAULT_PROJECTION_TIMING: ProjectionTiming = {
  debounceMs: 400,
  maxWaitMs: 1_000,
  loadDelayMs: 3_000,
  retryBaseMs: 250,
  retryMaxMs: 30_000,
};

/**
 * Keeps `speaker_blocks` and `agenda_items` following the live documents: a room hook that
 * projects each room on load (when the stored projection is older or missing), after edits
 * (debounced), and once more when the room is unloaded. Rooms are tracked by object, so a
 * session reloaded while its previous room's last write is still pending gets a second schedule;
 * the version guard orders the two.
 */
export class Projector implements RoomHooks {
  private readonly rooms = new Map<ProjectionSource, RoomProjection>();
  private readonly timing: ProjectionTiming;
  private readonly writeCounts = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly writer: ProjectionWriter,
    private readonly logger: Logger,
    timing: Partial<ProjectionTiming> = {},
  ) {
    this.timing = { ...DEFAULT_PROJECTION_TIMING, ...timing };
  }

  /** RoomHooks: the stored projection may predate updates written by another process or a crash. */
  onLoad(room: ProjectionSource): void {
    this.track(room)?.soon();
  }

  /** RoomHooks: any update, local or remote. */
  onUpdate(room: ProjectionSource): void {
    this.track(room)?.touch();
  }

  /** RoomHooks: write the room's last state before its document is destroyed. */
  onDestroy(room: ProjectionSource): void {
    const p = this.rooms.get(room);
    if (!p) return;
    p.detach();
    if (p.idle) this.forget(room, p);
  }

  private forget(room: ProjectionSource, p: RoomProjection): void {
    this.rooms.delete(room);
    // counts are kept while a session is loaded, so they do not pile up over weeks of meetings
    if (![...this.rooms.values()].some((other) => other.sessionId === p.sessionId))
      this.writeCounts.delete(p.sessionId);
  }

  private track(room: ProjectionSource): RoomProjection | null {
    if (this.closed) return null;
    let p = this.rooms.get(room);
    if (!p) {
      p = new RoomProjection(room, this.writer, this.logger, this.timing, {
        written: (w) => this.writeCounts.set(w.sessionId, (this.writeCounts.get(w.sessionId) ?? 0) + 1),
        // an unloaded room's schedule is dropped once its last write is done
        idle: (done) => {
          if (this.rooms.get(room) === done && !done.isAttached) this.forget(room, done);
        },
      });
      this.rooms.set(room, p);
    }
    return p;
  }

  /** Project everything pending now (of one session, or all), retrying until `deadline`. */
  async flush(sessionId?: string, deadline = Date.now() + 10_000): Promise<boolean> {
    const targets = [...this.rooms.values()].filter((p) => sessionId === undefined || p.sessionId === sessionId);
    const results = await Promise.all(targets.map((p) => p.flush(deadline)));
    return results.every(Boolean);
  }

  /** Snapshots committed for a session by this process while it is loaded (diagnostics, tests, benchmarks). */
  writes(sessionId: string): number {
    return this.writeCounts.get(sessionId) ?? 0;
  }

  /** Flush every pending projection (until `deadline`) and stop. Call after the rooms are closed. */
  async close(deadline = Date.now() + 10_000): Promise<void> {
    this.closed = true;
    const ok = await this.flush(undefined, deadline);
    if (!ok) this.logger.error('projections left stale at shutdown; they are rebuilt when the sessions next load');
    for (const p of this.rooms.values()) p.close();
    this.rooms.clear();
  }
}
