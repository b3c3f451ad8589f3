import * as Y from 'yjs';

/**
 * Block attributes only editors (and the server, see blockGuard.ts) may change: the review status,
 * who set it and when, and the "changed after review" mark. A note-taker's new block may carry
 * their initial values, nothing else.
 */
const REVIEW_ATTRIBUTES = new Set(['status', 'statusBy', 'statusAt', 'changedBy', 'changedAt']);
const INITIAL: Record<string, unknown> = { status: 'draft', statusBy: '', statusAt: '', changedBy: '', changedAt: '' };

/**
 * True when an update, about to be applied to `doc`, writes a block's review attributes (status,
 * who and when, the changed mark), which only editors may change. Writing their initial values
 * is flagged too: on an existing block it would clear a review (checked back to draft, a mark
 * wiped); `revertReview` lets new blocks keep them, so note-takers can create blocks.
 *
 * Attributes of a Y.XmlElement are map items keyed by `parentSub`. The encoding carries the key
 * only for an item without a left origin; an overwrite of an existing attribute names its left
 * origin instead, so the key is found by following origins, in the update or in the document.
 */
export function setsReviewStatus(
  update: Uint8Array,
  doc: Y.Doc,
  structs: ReturnType<typeof Y.decodeUpdate>['structs'] = Y.decodeUpdate(update).structs,
): boolean {
  const inUpdate = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) inUpdate.set(`${s.id.client}:${s.id.clock}`, s);

  const keyOf = (item: Y.Item, depth = 0): string | null => {
    if (item.parentSub !== null || depth > 64) return item.parentSub;
    const ref = item.origin ?? item.rightOrigin;
    if (!ref) return null;
    const local = findContaining(inUpdate, ref);
    if (local) return keyOf(local, depth + 1);
    try {
      const stored = Y.getItem(doc.store, ref);
      return stored instanceof Y.Item ? stored.parentSub : null;
    } catch {
      return null; // origin unknown to the doc yet: the update stays pending and changes nothing now
    }
  };

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const values = s.content.getContent();
    const value = values[values.length - 1];
    if (values.length !== 1) continue; // map values are single-entry ContentAny; text runs are not
    const key = keyOf(s);
    if (key === null || !REVIEW_ATTRIBUTES.has(key)) continue;
    if (value !== undefined) return true;
  }
  return false;
}

function findContaining(items: Map<string, Y.Item>, id: Y.ID): Y.Item | undefined {
  return items.get(`${id.client}:${id.clock}`);
}

type ReviewSnapshot = Map<Y.XmlElement, Record<string, unknown>>;

/** The review attributes of every top-level element, before a suspicious update is applied. */
export function snapshotReview(fragment: Y.XmlFragment): ReviewSnapshot {
  const snap: ReviewSnapshot = new Map();
  for (const el of fragment.toArray()) {
    if (!(el instanceof Y.XmlElement)) continue;
    const values: Record<string, unknown> = {};
    for (const key of REVIEW_ATTRIBUTES) values[key] = el.getAttribute(key);
    snap.set(el, values);
  }
  return snap;
}

/**
 * Undo review-status changes a non-editor made, as a new change on top. Dropping the update
 * instead would leave a gap in that client's clock sequence, and Yjs would then hold every later
 * edit of that client pending for ever; reverting keeps everyone converged and loses no text.
 */
export function revertReview(fragment: Y.XmlFragment, before: ReviewSnapshot): number {
  let reverted = 0;
  fragment.doc!.transact(() => {
    for (const el of fragment.toArray()) {
      if (!(el instanceof Y.XmlElement)) continue;
      const old = before.get(el);
      for (const key of REVIEW_ATTRIBUTES) {
        const now = el.getAttribute(key) as unknown;
        const wanted = old ? old[key] : INITIAL[key];
        // an absent attribute reads as its initial value: writing that value changes nothing (the
        // editor writes every attribute of a block it edits, those older blocks lack included)
        const same = (now ?? INITIAL[key]) === (wanted ?? INITIAL[key]);
        if (same || now === undefined || (old === undefined && now === INITIAL[key])) continue;
        if (wanted === undefined || wanted === null) el.removeAttribute(key);
        else el.setAttribute(key, wanted as string);
        reverted++;
      }
    }
  }, 'review-guard');
  return reverted;
}
