import * as Y from 'yjs';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { takeSnapshot } from './snapshot.ts';
import type { ProjectionStore, WriteOutcome } from './store.ts';

/** Sessions with stored updates but no projection yet, newest first. */
const NEVER_PROJECTED = `
SELECT s.id FROM sessions s
WHERE NOT EXISTS (SELECT 1 FROM projection_state p WHERE p.session_id = s.id AND p.version >= 0)
  AND EXISTS (SELECT 1 FROM doc_updates d WHERE d.session_id = s.id)
ORDER BY s.created_at DESC
LIMIT $1`;

/**
 * Projects sessions whose documents were stored without a room ever loading them: imported
 * records, and sessions that existed before the projection did. Without this they would stay out
 * of search until someone opened them. Runs at start-up and then every `intervalMs`; the version
 * guard makes a race with a live room (or another process) harmless.
 */
export class ProjectionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: UpdateLog,
    private readonly store: ProjectionStore,
    private readonly logger: Logger,
  ) {}

  /** Project one session from its stored update log. */
  async projectStored(sessionId: string): Promise<WriteOutcome> {
    const { update } = await this.log.load(sessionId);
    const doc = new Y.Doc();
    try {
      if (update) Y.applyUpdate(doc, update);
      return await this.store.write(takeSnapshot({ sessionId, doc }), null);
    } finally {
      doc.destroy();
    }
  }

  /** Project every never-projected session now. Resolves with how many were projected. */
  runOnce(batch = 20): Promise<number> {
    this.running ??= this.sweep(batch).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweep(batch: number): Promise<number> {
    let done = 0;
    const failed = new Set<string>();
    for (;;) {
      const rows = await this.db.query<{ id: string }>(NEVER_PROJECTED, [batch + failed.size]);
      const todo = rows.map((r) => r.id).filter((id) => !failed.has(id));
      if (todo.length === 0) return done;
      for (const id of todo) {
        try {
          await this.projectStored(id);
          done++;
        } catch (err) {
          failed.add(id); // tried again at the next sweep
          this.logger.error('projection of a stored session failed', { sessionId: id, err });
        }
      }
    }
  }

  /**
   * Sweep now and then every `intervalMs` until stopped; with `gate`, only when it says so (in a
   * cluster, one process sweeps: the one holding the sweep's lease).
   */
  start(intervalMs = 60_000, gate?: () => Promise<boolean>): void {
    const tick = () => {
      void (async () => {
        if (gate && !(await gate())) return;
        await this.runOnce();
      })().catch((err: unknown) => this.logger.error('projection sweep failed', { err }));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stop sweeping and wait for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}
