/**
 * A room's presence across processes: the awareness entries of this process's own sockets
 * (joins, caret moves, renewals, leaves) are gathered per tick and published; entries other
 * processes publish are applied with the relay origin and remembered by sender, so that when a
 * process leaves or goes silent its clients' carets go with it. The room's own entry (its state,
 * different on every process) is never relayed; each process times out stale entries itself.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { readAwarenessEntries } from '../collab/awarenessFilter.ts';
import type { AwarenessChange } from '../collab/types.ts';
import { RELAY_ORIGIN, type RelayedRoom } from './relayedRoom.ts';

/** Presence relay of one room. */
export class PresenceLink {
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** Remote entries by the process that relayed them. */
  private readonly owner = new Map<number, string>();
  private closed = false;

  constructor(
    private readonly room: RelayedRoom,
    private readonly publish: (awarenessUpdate: Uint8Array) => void,
    private readonly tickMs: number,
  ) {
    room.awareness.on('update', this.onChange);
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (origin === RELAY_ORIGIN || origin === 'timeout' || this.closed) return;
    const own = this.room.doc.clientID;
    for (const list of [added, updated, removed]) {
      for (const id of list) {
        if (id === own) continue;
        this.changed.add(id);
        this.owner.delete(id); // a client that moved to us from another process is ours now
      }
    }
    if (this.changed.size > 0) this.timer ??= setTimeout(() => this.flush(), this.tickMs);
  };

  /** Publish the changes gathered so far. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.publish(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids));
  }

  /** Publish every local entry again (after a Redis outage). */
  republish(): void {
    const own = this.room.doc.clientID;
    for (const id of this.room.awareness.getStates().keys())
      if (id !== own && !this.owner.has(id)) this.changed.add(id);
    this.flush();
  }

  /** Entries another process published. */
  apply(sender: string, update: Uint8Array): void {
    for (const e of readAwarenessEntries(update)) {
      if (e.state === 'null') this.owner.delete(e.clientId);
      else this.owner.set(e.clientId, sender);
    }
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, RELAY_ORIGIN);
  }

  /** A process left or went silent: remove its clients' entries. */
  dropSender(sender: string): void {
    const entries = [...this.owner].filter(([, s]) => s === sender).map(([client]) => client);
    for (const client of entries) this.owner.delete(client);
    awarenessProtocol.removeAwarenessStates(this.room.awareness, entries, RELAY_ORIGIN);
  }

  /** Publish what is pending and stop. */
  close(): void {
    this.flush();
    this.closed = true;
    this.room.awareness.off('update', this.onChange);
  }
}
