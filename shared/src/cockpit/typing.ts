/**
 * "Ben is typing here": the awareness field `typing: { blockId, at }` a page sets while its user
 * edits a block (at most every TYPING_PING_MS). Others count someone as typing in a block for
 * TYPING_RECENT_MS after the last change of that field they saw, timed by their own clock (the
 * sender's `at` only makes each ping a change). Like claims, the entry is bound to its socket by
 * the server and goes when its page does.
 */
import type { AwarenessLike } from './claims.ts';

/** The awareness field typing lives in. */
export const TYPING_FIELD = 'typing';
/** A page re-announces typing in the same block at most this often. */
export const TYPING_PING_MS = 1_000;
/** How long after their last keystroke someone still counts as typing in a block. */
export const TYPING_RECENT_MS = 5_000;
const MAX_ID = 200;

/** Announce that this page's user is typing in `blockId`. */
export function setTyping(awareness: AwarenessLike, blockId: string, now: number = Date.now()): void {
  awareness.setLocalStateField(TYPING_FIELD, { blockId, at: now });
}

/** Someone's latest typing announcement. */
export interface TypingEntry {
  blockId: string;
  /** Changes with every announcement (the sender's clock; compare, never subtract). */
  at: number;
  user: { name: string; color: string } | null;
}

/** The typing entry of each client in a set of awareness states. */
export function readTyping(
  states: ReadonlyMap<number, Record<string, unknown> | null | undefined>,
): Map<number, TypingEntry> {
  const out = new Map<number, TypingEntry>();
  for (const [clientId, state] of states) {
    const raw = state?.[TYPING_FIELD];
    if (!raw || typeof raw !== 'object') continue;
    const { blockId, at } = raw as Record<string, unknown>;
    if (typeof blockId !== 'string' || !blockId || blockId.length > MAX_ID || typeof at !== 'number') continue;
    const u = state?.user as Record<string, unknown> | undefined;
    const user =
      u && typeof u === 'object'
        ? { name: typeof u.name === 'string' ? u.name : '', color: typeof u.color === 'string' ? u.color : '' }
        : null;
    out.set(clientId, { blockId, at, user });
  }
  return out;
}
