/**
 * What the status bar says, as pure functions of what the provider and the save tracker report.
 * The save wording follows DESIGN.md: "saved" only once the server acknowledged every local
 * change as stored in the database; anything else names how much is still at risk.
 */
import type { SaveState } from '@rapporteur/shared/protocol';

/** Connection as the note-taker needs to know it. `closed`: the server refused us for good. */
export type Connection = 'connecting' | 'live' | 'offline' | 'closed';

/** What the provider and the browser currently report. */
export interface ConnectionFacts {
  /** navigator.onLine */
  online: boolean;
  /** The provider's last status event. */
  status: 'connecting' | 'connected' | 'disconnected';
  /** First sync exchange with the server completed on this connection. */
  synced: boolean;
  /** Whether this page was ever connected (a lost connection reads "offline", not "connecting"). */
  everConnected: boolean;
  /** Set when the server closed the socket with a permanent code (unknown session, locked …). */
  closedReason: string | null;
}

/** Reduce the facts to one of four states. */
export function connectionOf(f: ConnectionFacts): Connection {
  if (f.closedReason !== null) return 'closed';
  if (!f.online) return 'offline';
  if (f.status === 'connected') return f.synced ? 'live' : 'connecting';
  // while reconnecting, status flips between connecting and disconnected on every attempt:
  // after a first success that whole period is "offline", before it "connecting"
  return f.everConnected ? 'offline' : 'connecting';
}

/** The words shown for a connection state. */
export function connectionLabel(c: Connection): string {
  switch (c) {
    case 'connecting':
      return 'Connecting';
    case 'live':
      return 'Live';
    case 'offline':
      return 'Offline: keeps your text on this device and reconnects';
    case 'closed':
      return 'Disconnected';
  }
}

/** True only when the server confirmed every local change as stored. */
export function isSaved(s: SaveState): boolean {
  return s.acknowledged && s.unsaved === 0;
}

/** The save indicator's text. Never "saved" unless isSaved. */
export function saveLabel(s: SaveState): string {
  if (isSaved(s)) return 'Saved';
  if (s.unsaved === 0) return 'Waiting for the server to confirm';
  return s.unsaved === 1 ? '1 change not yet saved' : `${s.unsaved} changes not yet saved`;
}
