import type * as Y from 'yjs';
import type { RoomHooks } from '../collab/room.ts';
import type { Logger } from '../logger.ts';
import { type CapturedState, captureDoc } from './capture.ts';
import type { VersionStore } from './versionStore.ts';

/** Quiet time after the last edit before an automatic version is taken (issue 4: "when a session goes quiet"). */
export const DEFAULT_AUTO_VERSION_QUIET_MS = 120_000;

/** Name and author of automatic versions. */
export const AUTO_VERSION_NAME = 'Automatic version';
export const AUTO_VERSION_AUTHOR = 'Rapporteur';

/** What a version is taken of: a room's session and live document. */
export interface VersionSource {
  readonly sessionId: string;
  readonly doc: Y.Doc;
}

interface Watch {
  /** When the last edit arrived. */
  lastEdit: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Takes an automatic version of a room once it has been quiet for `quietMs` after edits: at most
 * one per quiet period (the timer starts with the first edit and, on firing, waits out the rest
 * of the quiet time if someone typed meanwhile), and none when the content equals the session's
 * latest version. A room unloaded with edits not yet versioned is captured as it goes and
 * written when its quiet period ends — unless the session is reloaded and edited meanwhile (a
 * note-taker on flaky wifi unloads the room at every drop), in which case the new room's version
 * covers it. A failed write is logged and tried again after the next quiet period: versions are
 * a convenience beside the update log, which alone must never lose anything.
 */
export class AutoVersioner implements RoomHooks {
  private readonly watches = new Map<VersionSource, Watch>();
  /** Captures of unloaded rooms waiting for the end of their quiet period, by session. */
  private readonly detached = new Map<string, { captured: CapturedState; timer: NodeJS.Timeout }>();
  private readonly writes = new Set<Promise<void>>();
  private readonly quietMs: number;
  private closed = false;

  constructor(
    private readonly store: Pick<VersionStore, 'insertIfChanged'>,
    private readonly logger: Logger,
    opts: { quietMs?: number } = {},
  ) {
    this.quietMs = opts.quietMs ?? DEFAULT_AUTO_VERSION_QUIET_MS;
  }

  /** RoomHooks: any integrated update (typing, restore, a reconnecting client's backlog). */
  onUpdate(room: VersionSource): void {
    if (this.closed) return;
    this.dropDetached(room.sessionId); // this room holds that state and more
    let watch = this.watches.get(room);
    if (!watch) {
      watch = { lastEdit: 0, timer: null };
      this.watches.set(room, watch);
    }
    watch.lastEdit = Date.now();
    // re-arming on every keystroke would cost a timer per character; one timer checks on firing
    watch.timer ??= setTimeout(() => this.check(room), this.quietMs);
  }

  /** RoomHooks: the document is about to be destroyed; capture its unversioned edits now. */
  onDestroy(room: VersionSource): void {
    const watch = this.watches.get(room);
    this.watches.delete(room);
    if (!watch?.timer) return;
    clearTimeout(watch.timer);
    const captured = this.capture(room);
    if (!captured || this.closed) {
      if (captured) this.write(room.sessionId, captured, null);
      return;
    }
    const { sessionId } = room;
    const wait = Math.max(0, this.quietMs - (Date.now() - watch.lastEdit));
    const timer = setTimeout(() => {
      this.detached.delete(sessionId);
      this.write(sessionId, captured, null);
    }, wait);
    this.detached.set(sessionId, { captured, timer });
  }

  private dropDetached(sessionId: string): void {
    const pending = this.detached.get(sessionId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.detached.delete(sessionId);
  }

  private check(room: VersionSource): void {
    const watch = this.watches.get(room);
    if (!watch) return;
    const quietFor = Date.now() - watch.lastEdit;
    if (quietFor < this.quietMs) {
      watch.timer = setTimeout(() => this.check(room), this.quietMs - quietFor);
      return;
    }
    watch.timer = null;
    this.take(room);
  }

  private take(room: VersionSource): void {
    const captured = this.capture(room);
    if (captured) this.write(room.sessionId, captured, room);
  }

  private capture(room: VersionSource): CapturedState | null {
    try {
      return captureDoc(room.doc);
    } catch (err) {
      this.logger.error('automatic version capture failed', { sessionId: room.sessionId, err });
      return null;
    }
  }

  /** Store a capture; on failure, watch `room` (if still loaded) for another try. */
  private write(sessionId: string, captured: CapturedState, room: VersionSource | null): void {
    const write = this.store
      .insertIfChanged({ sessionId, name: AUTO_VERSION_NAME, author: AUTO_VERSION_AUTHOR, kind: 'auto' }, captured)
      .then(
        (meta) => {
          if (meta) this.logger.info('automatic version taken', { sessionId, versionId: meta.id });
        },
        (err: unknown) => {
          this.logger.error('automatic version failed; trying again after the next quiet period', { sessionId, err });
          if (room && this.watches.has(room)) this.onUpdate(room);
        },
      )
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Wait for the automatic versions being written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  /** Stop timers and wait for writes in flight. Call after the rooms are closed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watches.values()) if (w.timer) clearTimeout(w.timer);
    this.watches.clear();
    // shutting down ends every quiet period: write what unloaded rooms left
    for (const [sessionId, { captured, timer }] of this.detached) {
      clearTimeout(timer);
      this.write(sessionId, captured, null);
    }
    this.detached.clear();
    await this.settled();
  }
}
