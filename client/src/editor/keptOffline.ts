/**
 * What a reload without a connection needs besides the document, kept in the offline copy's own
 * IndexedDB database (its store of named values, offlineCopy.ts): the server's last persisted
 * state vector, so the count of unsaved changes goes on from where it was instead of counting the
 * whole document, and the session's details (title, start, state), so the page shows the real
 * title. Both are kept as JSON text (the store takes strings, numbers, dates and buffers) and
 * parsed back as untrusted: storage outlives versions of this code.
 */
import type { SaveTracker } from '@rapporteur/shared/protocol';
import type { Session } from '../api/sessions.ts';
import type { KeptValues } from './offlineCopy.ts';

const PERSISTED_KEY = 'persisted';
const SESSION_KEY = 'session';

/** A kept state vector (pairs of client id and clock), or null when the value is not one. */
export function parseKeptVector(value: unknown): Map<number, number> | null {
  if (!Array.isArray(value)) return null;
  const vector = new Map<number, number>();
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const [client, clock] = pair as unknown[];
    if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return null;
    if ((client as number) < 0 || (clock as number) < 0) return null;
    vector.set(client as number, clock as number);
  }
  return vector;
}

const STATES: readonly unknown[] = ['live', 'review', 'final'];

/** A kept session of `sessionId`, or null when the value is not one. */
export function parseKeptSession(value: unknown, sessionId: string): Session | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = ['id', 'title', 'startsAt', 'createdAt', 'updatedAt'] as const;
  if (!strings.every((k) => typeof v[k] === 'string')) return null;
  if (v.id !== sessionId || !STATES.includes(v.status) || typeof v.public !== 'boolean') return null;
  const { id, title, startsAt, createdAt, updatedAt } = v as Record<(typeof strings)[number], string>;
  return { id, title, startsAt, createdAt, updatedAt, status: v.status as Session['status'], public: v.public };
}

/**
 * Seed `save` with the vector kept by an earlier page, and keep each newer acknowledged vector.
 * Returns the function that stops keeping.
 */
export function keepAcknowledgements(offline: KeptValues, save: SaveTracker): () => void {
  let written = '';
  void readKept(offline, PERSISTED_KEY).then((value) => {
    const kept = parseKeptVector(value);
    if (kept) save.remember(kept);
  });
  return save.subscribe((state) => {
    if (!state.acknowledged) return;
    const pairs = JSON.stringify([...save.persistedVector]);
    if (pairs === written) return; // a local change, not a new acknowledgement
    written = pairs;
    offline.set(PERSISTED_KEY, pairs).catch(() => {
      // closed or blocked: the count after a reload may be higher, never lower
    });
  });
}

/** Keep the session's details with its offline copy. */
export function keepSession(offline: KeptValues, session: Session): void {
  offline.set(SESSION_KEY, JSON.stringify(session)).catch(() => {
    // closed or blocked: an offline reload then shows a generic title
  });
}

/** The session's details as kept by an earlier page, if any. */
export async function keptSession(offline: KeptValues, sessionId: string): Promise<Session | null> {
  return parseKeptSession(await readKept(offline, SESSION_KEY), sessionId);
}

/** The JSON value kept under `key`; undefined when there is none, it does not parse, or storage fails. */
async function readKept(offline: KeptValues, key: string): Promise<unknown> {
  try {
    const text: unknown = await offline.get(key);
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // blocked storage or a value from another version: as if nothing was kept
  }
}
