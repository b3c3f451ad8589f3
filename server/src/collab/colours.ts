/**
 * Presence colours within a room (issue 13): every writer shows a colour nobody else in the room
 * shows, from the shared palette, keeping the one they asked for while it is free. And the
 * correction that tells a client which colour it got: a client never hears its own awareness
 * entry back, so without it its own swatch would differ from what everyone else sees.
 */
import { FALLBACK_PRESENCE_COLOUR, isPresenceColour, PRESENCE_COLOURS } from '@rapporteur/shared/protocol';
import type { AwarenessEntry } from './awarenessFilter.ts';
import type { Identity } from './connection.ts';

/**
 * `preferred` when nobody uses it; else the first palette colour nobody uses; else (a room with
 * more people than colours) the least used one, `preferred` winning a tie.
 */
export function chooseColour(preferred: string | null, inUse: Iterable<string>): string {
  const used = new Map<string, number>();
  for (const c of inUse) used.set(c.toLowerCase(), (used.get(c.toLowerCase()) ?? 0) + 1);
  const wanted = isPresenceColour(preferred) ? preferred.toLowerCase() : null;
  // the fallback grey is what a client gets when it asked for nothing usable: not a preference
  if (wanted && wanted !== FALLBACK_PRESENCE_COLOUR && !used.has(wanted)) return wanted;
  let best: string = PRESENCE_COLOURS[0];
  let bestCount = Number.POSITIVE_INFINITY;
  for (const colour of PRESENCE_COLOURS) {
    const n = used.get(colour) ?? 0;
    if (n < bestCount || (n === bestCount && colour === wanted)) {
      best = colour;
      bestCount = n;
    }
  }
  return best;
}

/**
 * `identity` with a colour no other person in the room shows. Observers are invisible and keep
 * theirs; a socket with the same name counts as the same person (a second tab, or a reconnect
 * while the old socket is not yet closed), so it does not push them to another colour.
 */
export function withFreeColour(identity: Identity, present: Iterable<{ identity: Identity }>): Identity {
  if (identity.role === 'observer') return identity;
  const inUse: string[] = [];
  for (const { identity: other } of present) {
    if (other.role !== 'observer' && other.name !== identity.name) inUse.push(other.color);
  }
  return { ...identity, color: chooseColour(identity.color, inUse) };
}

/**
 * The entries to send back to a client whose own entry claims a colour other than the one the
 * room bound (`bound[i]` is `claimed[i]` with the server's identity). Each is the bound state one
 * clock tick ahead: y-protocols adopts a newer remote copy of the local entry as the local state,
 * so the client shows (and sends from then on) the colour everyone else sees.
 */
export function colourCorrections(
  claimed: readonly AwarenessEntry[],
  bound: readonly AwarenessEntry[],
  colour: string,
): AwarenessEntry[] {
  const fixes: AwarenessEntry[] = [];
  claimed.forEach((entry, i) => {
    const next = bound[i];
    if (next && claimsOtherColour(entry.state, colour)) {
      fixes.push({ clientId: next.clientId, clock: next.clock + 1, state: next.state });
    }
  });
  return fixes;
}

/** Whether an awareness state (JSON) names a user colour other than `colour`. */
function claimsOtherColour(state: string, colour: string): boolean {
  // the common case, a caret move carrying the right colour, is decided without parsing
  if (!state.includes('"user"') || state.toLowerCase().includes(`"color":"${colour}"`)) return false;
  try {
    const parsed = JSON.parse(state) as { user?: { color?: unknown } } | null;
    const claimed = parsed?.user?.color;
    return typeof claimed === 'string' && claimed.toLowerCase() !== colour;
  } catch {
    return false; // the room has already refused a state that is not JSON
  }
}
