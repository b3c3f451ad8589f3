import type * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from './messages.ts';
import { readPersisted, unsavedChanges } from './persisted.ts';

/** The part of y-websocket's WebsocketProvider this module needs (kept structural on purpose). */
export interface ProviderWithHandlers {
  messageHandlers: Array<
    (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: unknown, emitSynced: boolean, type: number) => void
  >;
}

/** What the save indicator shows: unsaved change count, and whether any acknowledgement came. */
export interface SaveState {
  /** Clock units of local state the server has not confirmed as stored. 0 means saved. */
  unsaved: number;
  /** False until the first Persisted message arrives: nothing can be called saved before. */
  acknowledged: boolean;
  /**
   * Whether `unsaved` is measured against a persisted state vector the server sent (on this
   * connection, or on an earlier page and kept with the offline copy). Before that it counts the
   * whole document, which is no number of changes a person made.
   */
  counted: boolean;
}

/**
 * Track the server's "persisted" acknowledgements for one document. Registers a handler for the
 * Persisted message on the provider (so the stock provider does not log an unknown message) and
 * recomputes the unsaved count on every local change and every acknowledgement. The provider
 * must connect with `params: { persisted: '1' }`.
 */
export class SaveTracker {
  private persisted = new Map<number, number>();
  private state: SaveState = { unsaved: 0, acknowledged: false, counted: false };
  private readonly listeners = new Set<(s: SaveState) => void>();
  private readonly onUpdate = () => this.recompute();

  constructor(
    private readonly doc: Y.Doc,
    provider: ProviderWithHandlers,
  ) {
    provider.messageHandlers[MessageType.Persisted] = (_encoder, decoder) => {
      this.merge(readPersisted(decoder));
      this.state = { ...this.state, acknowledged: true, counted: true };
      this.recompute(true);
    };
    doc.on('update', this.onUpdate);
    this.recompute(true);
  }

  /** The current save state. */
  get current(): SaveState {
    return this.state;
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  subscribe(fn: (s: SaveState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The persisted state vector as far as this tracker knows it (client id → clock). */
  get persistedVector(): ReadonlyMap<number, number> {
    return this.persisted;
  }

  /**
   * Take a persisted state vector the server sent earlier (kept with the offline copy across a
   * reload), so the count of unsaved changes goes on from where it was. It never makes the state
   * "saved": that takes an acknowledgement on this page.
   */
  remember(stateVector: ReadonlyMap<number, number>): void {
    this.merge(stateVector);
    this.state = { ...this.state, counted: true };
    this.recompute(true);
  }

  /** Resolves when every local change is acknowledged as stored. */
  whenSaved(): Promise<void> {
    if (this.state.acknowledged && this.state.unsaved === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe((s) => {
        if (s.acknowledged && s.unsaved === 0) {
          off();
          resolve();
        }
      });
    });
  }

  private merge(stateVector: ReadonlyMap<number, number>): void {
    // what is stored only ever grows; keep the max per client in case frames reorder
    for (const [client, clock] of stateVector) {
      this.persisted.set(client, Math.max(clock, this.persisted.get(client) ?? 0));
    }
  }

  private recompute(force = false): void {
    const unsaved = unsavedChanges(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.persisted);
    if (!force && unsaved === this.state.unsaved) return;
    this.state = { ...this.state, unsaved };
    for (const fn of this.listeners) fn(this.state);
  }

  /** Stop listening to the document. */
  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }
}
