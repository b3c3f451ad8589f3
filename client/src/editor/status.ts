/**
 * What the status bar says, as pure functions of what the provider and the save tracker report.
 * The save wording follows DESIGN.md: "saved" only once the server acknowledged every local
 * change as stored in the database; anything else names how much is still at risk.
 */
import type { SaveState } from '@rapporteur/shared/protocol';

/**
 * The connection, in the one vocabulary every page uses (never "live", which is a session state):
 * `connecting` before the first connection, `connected` once synced, `reconnecting` while the
 * server cannot be reached, `offline` while the browser has no network, `closed` when the server
 * refused us for good.
 */
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** What the provider and the browser currently report. */
export interface ConnectionSignals {
  /** navigator.onLine */
  online: boolean;
  /** The provider's last status event. */
  status: 'connecting' | 'connected' | 'disconnected';
  /** First sync exchange with the server completed on this connection. */
  synced: boolean;
  /** This page was connected before, or an attempt to connect failed: it is now trying again. */
  triedBefore: boolean;
  /** Set when the server closed the socket with a permanent code (unknown session, locked …). */
  closedReason: string | null;
}

/** Reduce the signals to one of the states. */
export function connectionOf(f: ConnectionSignals): Connection {
  if (f.closedReason !== null) return 'closed';
  if (!f.online) return 'offline';
  if (f.status === 'connected') return f.synced ? 'connected' : f.triedBefore ? 'reconnecting' : 'connecting';
  // while reconnecting, status flips between connecting and disconnected on every attempt:
  // after a first success (or a first failure) that whole period is "reconnecting"
  return f.triedBefore ? 'reconnecting' : 'connecting';
}

/** The words shown for a connection state (the same on every page). */
export function connectionLabel(c: Connection): string {
  switch (c) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      return 'Offline';
    case 'closed':
      return 'Disconnected';
  }
}

/** Whether the page has lost (or never got) its connection and is trying again or waiting for the network. */
export function isCutOff(c: Connection): boolean {
  return c === 'reconnecting' || c === 'offline';
}

/** True only when the server confirmed every local change as stored. */
export function isSaved(s: SaveState): boolean {
  return s.acknowledged && s.unsaved === 0;
}

/** The save indicator's text. Never "saved" unless isSaved; a number only when it counts changes. */
export function saveLabel(s: SaveState): string {
  if (isSaved(s)) return 'Saved';
  if (s.unsaved === 0) return 'Waiting for the server to confirm';
  return unsavedLabel(s) ?? 'Not yet saved';
}

/** "12 changes not yet saved", or null when the count would not be a number of changes. */
export function unsavedLabel(s: SaveState): string | null {
  if (!s.counted || s.unsaved === 0) return null;
  return s.unsaved === 1 ? '1 change not yet saved' : `${s.unsaved} changes not yet saved`;
}
