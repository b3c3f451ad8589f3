import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/**
 * The projection version of a document state: the sum of its state vector's clocks plus the
 * number of deleted item ids.
 *
 * Why this number: every change to a Y.Doc either inserts items (some client's clock grows) or
 * deletes items (the delete set grows), and neither ever shrinks, so the number strictly grows
 * with every change a document integrates. If state B includes state A (B saw everything A saw),
 * version(B) >= version(A), with equality only when they are the same state. So a process holding
 * an older state of a session can never overwrite the projection of a newer one, wherever each
 * was computed. The sum of clocks alone is not enough: deleting a block adds no clock, so a
 * delete-only edit would look "not newer" and never reach the table.
 *
 * Two concurrent states (neither includes the other) are ordered arbitrarily, which is harmless:
 * both processes converge on their merge, whose version is greater than either, and that
 * projection wins. The value is a pure function of the state, so it is the same however the
 * state was loaded (from one merged row or many).
 */
export function docVersion(doc: Y.Doc): number {
  return docState(doc).version;
}

/** A document state's projection version, and a key naming the state itself. */
export interface DocState {
  version: number;
  /**
   * Equal for two documents exactly when they hold the same state (the same clocks per client
   * and the same deleted ranges), however each was loaded: a digest of both, clients in order.
   */
  key: string;
}

/** The version (see above) and the key of a document's state, from one Yjs snapshot. */
export function docState(doc: Y.Doc): DocState {
  const snap = Y.snapshot(doc);
  let version = 0;
  const hash = createHash('sha256');
  for (const client of [...snap.sv.keys()].sort((a, b) => a - b)) {
    const clock = snap.sv.get(client)!;
    version += clock;
    hash.update(`s${client}:${clock};`);
  }
  // the delete set lists each client's deleted runs in clock order, adjacent runs joined
  for (const client of [...snap.ds.clients.keys()].sort((a, b) => a - b)) {
    hash.update(`d${client}`);
    for (const r of snap.ds.clients.get(client)!) {
      version += r.len;
      hash.update(`:${r.clock}+${r.len}`);
    }
    hash.update(';');
  }
  return { version, key: hash.digest('base64url') };
}
