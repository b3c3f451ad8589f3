import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from './messages.ts';

/** Encode a Persisted message carrying an encoded state vector. */
export function writePersisted(encoder: encoding.Encoder, stateVector: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.Persisted);
  encoding.writeVarUint8Array(encoder, stateVector);
}

/** Read the body of a Persisted message (after its type) into a client-id → clock map. */
export function readPersisted(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/**
 * How many of the local changes the server has not yet confirmed as stored: for every client id
 * in the local state vector, the clock units beyond what the persisted vector covers. Zero means
 * "saved", and only zero may be shown as saved.
 */
export function unsavedChanges(local: Map<number, number>, persisted: Map<number, number>): number {
  let missing = 0;
  for (const [client, clock] of local) {
    const stored = persisted.get(client) ?? 0;
    if (clock > stored) missing += clock - stored;
  }
  return missing;
}
