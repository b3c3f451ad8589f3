/**
 * What an update needs the room's document to hold before it can be applied entirely. Yjs keeps
 * the rest of a causally incomplete update in `store.pendingStructs` / `pendingDs` without firing
 * `update`, and every later applyUpdate re-merges and retries everything pending: quadratic CPU
 * and memory outside every size check (issue 12, item 4). The room therefore applies only
 * complete updates, and holds the others itself (pendingBound.ts), bounded.
 *
 * An update needs, per client, a document clock: its first struct of that client (no gap), the
 * end of any Skip inside it, every origin, right origin and parent it names outside itself, and
 * the end of every deleted range outside itself. Computed once per update, in one pass.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './codec.ts';

/** Per client, the clock the document must have reached (its state) for the update to apply. */
export type Needs = Map<number, number>;

function need(needs: Needs, client: number, state: number): void {
  if ((needs.get(client) ?? 0) < state) needs.set(client, state);
}

/** Everything the update needs from outside itself. */
export function updateNeeds({ structs, ds }: DecodedUpdate): Needs {
  const needs: Needs = new Map();
  // the clock range [start, end) each client's structs cover in this update
  const covered = new Map<number, { start: number; end: number }>();
  for (const s of structs) {
    const range = covered.get(s.id.client);
    if (!range) {
      covered.set(s.id.client, { start: s.id.clock, end: s.id.clock + s.length });
      need(needs, s.id.client, s.id.clock);
    } else {
      range.end = s.id.clock + s.length;
    }
    // a Skip is a hole in the update: what follows it needs the hole filled first
    if (s instanceof Y.Skip) need(needs, s.id.client, s.id.clock + s.length);
  }
  const inside = (id: Y.ID): boolean => {
    const range = covered.get(id.client);
    return range !== undefined && id.clock >= range.start && id.clock < range.end;
  };
  const refer = (id: Y.ID | null): void => {
    if (id && !inside(id)) need(needs, id.client, id.clock + 1);
  };
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    refer(s.origin);
    refer(s.rightOrigin);
    if (s.parent instanceof Y.ID) refer(s.parent);
  }
  for (const [client, ranges] of ds.clients) {
    const range = covered.get(client);
    for (const r of ranges) {
      const end = r.clock + r.len;
      if (!range || end > range.end) need(needs, client, end);
    }
  }
  return needs;
}

/** The needs the document does not meet yet (empty when the update can be applied entirely). */
export function unmetNeeds(needs: Needs, doc: Y.Doc): Needs {
  const unmet: Needs = new Map();
  for (const [client, state] of needs) if (Y.getState(doc.store, client) < state) unmet.set(client, state);
  return unmet;
}
