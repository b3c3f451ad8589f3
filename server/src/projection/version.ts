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
  const snap = Y.snapshot(doc);
  let total = 0;
  for (const clock of snap.sv.values()) total += clock;
  for (const ranges of snap.ds.clients.values()) for (const r of ranges) total += r.len;
  return total;
}
