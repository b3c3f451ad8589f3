/**
 * Claims: "I'm minuting Brazil". A claim is the awareness field `claim: { blockId, since }` of
 * the claimer's own awareness state. The server binds each socket's awareness entry to that
 * socket (nobody can claim in another's name; `user` is set by the server) and removes it when
 * the socket leaves, so a claim disappears by itself when its note-taker goes. Observers'
 * awareness is dropped by the server, so observers never claim.
 */

/** The awareness field a claim lives in. */
export const CLAIM_FIELD = 'claim';
/** Longest block id read from a claim (ids are UUIDs; anything longer is junk). */
const MAX_ID = 200;

/** The part of y-protocols' Awareness the helpers use. */
export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  setLocalStateField(field: string, value: unknown): void;
}

/** Someone's claim on a block, with who they are (as the server bound it). */
export interface Claim {
  clientId: number;
  blockId: string;
  /** ISO time the claim was made. */
  since: string;
  user: { name: string; color: string; role: string } | null;
}

/** Claim `blockId` for this client, or drop the claim with null. One claim per person. */
export function setClaim(awareness: AwarenessLike, blockId: string | null, now: Date = new Date()): void {
  awareness.setLocalStateField(CLAIM_FIELD, blockId ? { blockId, since: now.toISOString() } : null);
}

function readUser(v: unknown): Claim['user'] {
  if (!v || typeof v !== 'object') return null;
  const u = v as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return { name: s(u.name), color: s(u.color), role: s(u.role) };
}

/** Every claim in a set of awareness states, oldest first (ties by client id). */
export function readClaims(states: ReadonlyMap<number, Record<string, unknown> | null | undefined>): Claim[] {
  const claims: Claim[] = [];
  for (const [clientId, state] of states) {
    const raw = state?.[CLAIM_FIELD];
    if (!raw || typeof raw !== 'object') continue;
    const { blockId, since } = raw as Record<string, unknown>;
    if (typeof blockId !== 'string' || !blockId || blockId.length > MAX_ID) continue;
    claims.push({ clientId, blockId, since: typeof since === 'string' ? since : '', user: readUser(state?.user) });
  }
  return claims.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.clientId - b.clientId));
}

/** Claims grouped by block id (for badges on blocks); each list oldest first. */
export function claimsByBlock(
  states: ReadonlyMap<number, Record<string, unknown> | null | undefined>,
): Map<string, Claim[]> {
  const byBlock = new Map<string, Claim[]>();
  for (const c of readClaims(states)) byBlock.set(c.blockId, [...(byBlock.get(c.blockId) ?? []), c]);
  return byBlock;
}

/** The block a client claims (for the presence list), or null. */
export function claimOf(
  states: ReadonlyMap<number, Record<string, unknown> | null | undefined>,
  clientId: number,
): Claim | null {
  return readClaims(states).find((c) => c.clientId === clientId) ?? null;
}

/**
 * The earliest claim on `blockId` by someone other than `selfClientId`, or null. Typing into a
 * block this returns a claim for should ask for confirmation first.
 */
export function claimedByOther(
  states: ReadonlyMap<number, Record<string, unknown> | null | undefined>,
  blockId: string,
  selfClientId: number,
): Claim | null {
  return readClaims(states).find((c) => c.blockId === blockId && c.clientId !== selfClientId) ?? null;
}
