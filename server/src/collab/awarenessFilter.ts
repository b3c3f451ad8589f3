/**
 * Awareness updates (y-protocols/awareness.js) are: varUint count, then per entry varUint
 * clientID, varUint clock, varString JSON state. The stock y-websocket client re-sends every
 * awareness entry it receives, so most entries a socket sends belong to other clients; the room
 * keeps only the entry of the socket's own client id (bound on first sight) and drops the rest
 * cheaply, before any JSON is parsed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Parse the entries of an awareness update without parsing their JSON states. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** Encode entries back into an awareness update. */
export function writeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}
