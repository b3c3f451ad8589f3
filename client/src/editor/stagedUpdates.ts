/**
 * Updates applied to a document in order, one per task, and a large one in parts (`splitUpdate`),
 * one part per task (issue 17): a long record, whether it comes from the server or from the offline
 * copy, shows its first blocks at once and never holds the page for long. The first update pushed
 * while the queue is idle is applied at once; each one after it, and each part after the first,
 * waits for the next task, so the browser paints and takes keys in between.
 *
 * A queue can be held (`hold`): then nothing that comes through it goes in until the page shows the
 * document. A record that arrives before its editor exists would otherwise be rendered whole when
 * the editor is created, in one long task; and even its first part, in the document when the
 * editor is created, would be rendered twice in the creating task (Tiptap renders the record
 * into a detached view, then again with the node views once the view is in the page).
 */
import { type PartSizes, readerItems, SYNC_PART_BYTES, splitUpdate } from '@rapporteur/shared/protocol';
import * as Y from 'yjs';

/** Updates above this are applied in parts. */
export const SPLIT_ABOVE_BYTES = 2 * SYNC_PART_BYTES.rest;

/** Sizes and the yield, for tests. */
export interface StagingOptions {
  splitAbove?: number;
  partBytes?: PartSizes;
  yieldToPage?: () => Promise<void>;
}

/** Let the browser paint and handle input before going on. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Apply as y-websocket does: an error thrown by an observer is logged, not raised. */
function apply(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  try {
    Y.applyUpdate(doc, update, origin);
  } catch (error) {
    console.error('Caught error while handling a Yjs update', error);
  }
}

interface Waiting {
  update: Uint8Array;
  origin: unknown;
  /** Called once the update's last part is in (not when the document was destroyed first). */
  done?: () => void;
}

/** One document's queue of updates (see the module comment). */
export class StagedUpdates {
  private readonly waiting: Waiting[] = [];
  private running = false;
  private readonly splitAbove: number;
  private readonly partBytes: PartSizes;
  private readonly yieldToPage: () => Promise<void>;
  /** While the queue is held: resolves when it is released. */
  private gate: Promise<void> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    options: StagingOptions = {},
  ) {
    this.splitAbove = options.splitAbove ?? SPLIT_ABOVE_BYTES;
    this.partBytes = options.partBytes ?? SYNC_PART_BYTES;
    this.yieldToPage = options.yieldToPage ?? nextTask;
  }

  /** Whether updates are being applied or held (then every later one must wait its turn). */
  get busy(): boolean {
    return this.running || this.holding;
  }

  private get holding(): boolean {
    return this.gate !== null;
  }

  /** Updates waiting, the one being applied not counted. */
  get pending(): number {
    return this.waiting.length;
  }

  /**
   * Apply nothing that comes until the returned function is called (more than once is harmless):
   * whatever arrives meanwhile, in one message or in many, waits in order.
   */
  hold(): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.gate = gate;
    return () => {
      if (this.gate === gate) this.gate = null;
      release();
    };
  }

  /**
   * Before a part: a task later unless it is the first of an idle queue, and never while the
   * queue is held (after the release, a task later too: not in the releasing task).
   */
  private turn(first: boolean): Promise<void> | null {
    // nothing to wait for: the part goes in within the caller's task (no microtask in between)
    if (first && !this.holding) return null;
    return (async () => {
      if (!first) await this.yieldToPage();
      while (this.holding) {
        await this.gate;
        await this.yieldToPage();
      }
    })();
  }

  /** Queue `update` (applied with `origin`); `done` runs after its last part. */
  push(update: Uint8Array, origin: unknown, done?: () => void): void {
    this.waiting.push({ update, origin, done });
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let first = true; this.waiting.length > 0 && !this.doc.isDestroyed; first = false) {
        await this.applyInParts(this.waiting.shift()!, first);
      }
    } finally {
      this.waiting.length = 0;
      this.running = false;
    }
  }

  private async applyInParts({ update, origin, done }: Waiting, first: boolean): Promise<void> {
    const { doc } = this;
    let parts: Array<() => Uint8Array>;
    try {
      parts =
        update.byteLength <= this.splitAbove ? [() => update] : splitUpdate(update, this.partBytes, readerItems(doc));
    } catch {
      parts = [() => update]; // not one we can read: Yjs reports it as it would have
    }
    for (let k = 0; k < parts.length && !doc.isDestroyed; k++) {
      const wait = this.turn(first && k === 0);
      if (wait) await wait;
      if (doc.isDestroyed) break;
      apply(doc, parts[k]!(), origin);
    }
    if (!doc.isDestroyed) done?.();
  }
}
