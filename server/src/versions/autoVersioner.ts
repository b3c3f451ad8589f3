import * as Y from 'yjs';
import type { RoomHooks } from '../collab/room.ts';
import type { Logger } from '../logger.ts';
import { type StateSummary, summariseState } from './capture.ts';
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
 *
 * Only the document's state is taken in the room's turn (~50 ms at 1,000 blocks); its summary
 * (content hash, block and word counts) reads every block, ~120 ms more, and is made when the
 * version is written, by `summarise` (in the server, a heavy worker thread), so a room's release or
 * quiet period does not hold the server's thread for all of it (issue 17).
 */
export class AutoVersioner implements RoomHooks {
  private readonly watches = new Map<VersionSource, Watch>();
  /** States of unloaded rooms waiting for the end of their quiet period, by session. */
  private readonly detached = new Map<string, { state: Uint8Array; timer: NodeJS.Timeout }>();
  private readonly writes = new Set<Promise<void>>();
  private readonly quietMs: number;
  private readonly summarise: (state: Uint8Array) => Promise<StateSummary>;
  private closed = false;

  constructor(
    private readonly store: Pick<VersionStore, 'insertIfChanged'>,
    private readonly logger: Logger,
    opts: { quietMs?: number; summarise?: (state: Uint8Array) => Promise<StateSummary> } = {},
  ) {
    this.quietMs = opts.quietMs ?? DEFAULT_AUTO_VERSION_QUIET_MS;
    this.summarise = opts.summarise ?? (async (state) => summariseState(state));
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
    const state = this.capture(room);
    if (!state || this.closed) {
      if (state) this.write(room.sessionId, state, null);
      return;
    }
    const { sessionId } = room;
    const wait = Math.max(0, this.quietMs - (Date.now() - watch.lastEdit));
    const timer = setTimeout(() => {
      this.detached.delete(sessionId);
      this.write(sessionId, state, null);
    }, wait);
    this.detached.set(sessionId, { state, timer });
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
    const state = this.capture(room);
    if (state) this.write(room.sessionId, state, room);
  }

  private capture(room: VersionSource): Uint8Array | null {
    try {
      return Y.encodeStateAsUpdate(room.doc);
    } catch (err) {
      this.logger.error('automatic version capture failed', { sessionId: room.sessionId, err });
      return null;
    }
  }

  /** The summary of `state`, on this thread when `summarise` fails (a worker gone at shutdown). */
  private async summaryOf(sessionId: string, state: Uint8Array): Promise<StateSummary> {
    try {
      return await this.summarise(state);
    } catch (err) {
      this.logger.warn('automatic version summary failed elsewhere; made here', { sessionId, err });
      return summariseState(state);
    }
  }

  /** Store a captured state; on failure, watch `room` (if still loaded) for another try. */
  private write(sessionId: string, state: Uint8Array, room: VersionSource | null): void {
    const meta = { sessionId, name: AUTO_VERSION_NAME, author: AUTO_VERSION_AUTHOR, kind: 'auto' } as const;
    const write = this.summaryOf(sessionId, state)
      .then((summary) => this.store.insertIfChanged(meta, { state, ...summary }))
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
    for (const [sessionId, { state, timer }] of this.detached) {
      clearTimeout(timer);
      this.write(sessionId, state, null);
    }
    this.detached.clear();
    await this.settled();
  }
}
