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
 * wiped); `applyGuarded` lets new blocks keep them, so note-takers can create blocks.
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

/** Per top-level block an update touched: the old values of the review attributes it changed, or null for a new block. */
type Touched = Map<Y.XmlElement, Map<string, unknown> | null>;

/**
 * Apply a non-editor's update (`apply`, e.g. `Y.applyUpdate`), then undo the review-status
 * changes it made; returns how many attributes were reverted. Costs what the update touches, not
 * the record's length: while `apply` runs, a deep observer on the fragment collects the top-level
 * elements whose review attributes it changes, with their old values (`YEvent.keys`), and the
 * top-level elements it creates (Yjs sends no events for types created in the same transaction:
 * they are found among the items the transaction created). Must not run inside a transaction.
 * An exception of `apply` propagates, and nothing is reverted then.
 */
export function applyGuarded(fragment: Y.XmlFragment, apply: () => void): number {
  const doc = fragment.doc!;
  // inside a transaction, or an observer of one, the observer below would fire only after we return
  if (doc._transactionCleanups.length > 0) throw new Error('applyGuarded must not run inside a transaction');
  const touched: Touched = new Map();
  const collect = (events: Y.YEvent<Y.XmlElement>[], tr: Y.Transaction) => {
    for (const event of events) {
      const el = event.target;
      if (!(el instanceof Y.XmlElement) || el._item?.parent !== fragment) continue;
      for (const [key, { oldValue }] of event.keys) {
        if (!REVIEW_ATTRIBUTES.has(key)) continue;
        const known = touched.get(el);
        if (known === null) continue; // created by this apply: no old values
        const old = known ?? new Map<string, unknown>();
        touched.set(el, old);
        if (!old.has(key)) old.set(key, oldValue); // an earlier transaction of this apply has the oldest
      }
    }
    if (tr.changed.has(fragment as unknown as Y.AbstractType<Y.YEvent<Y.XmlFragment>>)) {
      for (const el of createdBlocks(fragment, tr)) touched.set(el, null);
    }
  };
  fragment.observeDeep(collect);
  try {
    apply();
  } finally {
    fragment.unobserveDeep(collect);
  }
  return revertReview(fragment, touched);
}

/**
 * Top-level elements `tr` created (and kept): a walk over the items it created, not the record.
 * Also used by blockGuard.ts. Valid while `tr`'s observers run (its `afterState` is set).
 */
export function createdBlocks(fragment: Y.XmlFragment, tr: Y.Transaction): Y.XmlElement[] {
  const created: Y.XmlElement[] = [];
  for (const [client, end] of tr.afterState) {
    const start = tr.beforeState.get(client) ?? 0;
    if (end <= start) continue;
    const structs = tr.doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, start); i < structs.length && structs[i]!.id.clock < end; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item) || item.deleted || item.parent !== fragment || item.parentSub !== null) continue;
      const type = item.content instanceof Y.ContentType ? item.content.type : null;
      if (type instanceof Y.XmlElement) created.push(type);
    }
  }
  return created;
}

/**
 * Undo review-status changes a non-editor made, as a new change on top. Dropping the update
 * instead would leave a gap in that client's clock sequence, and Yjs would then hold every later
 * edit of that client pending for ever; reverting keeps everyone converged and loses no text.
 * Only the blocks in `touched` are looked at: a block the update created may keep the initial
 * values and reverts to them otherwise; a changed attribute of an existing block goes back to its
 * old value.
 */
function revertReview(fragment: Y.XmlFragment, touched: Touched): number {
  let reverted = 0;
  fragment.doc!.transact(() => {
    for (const [el, old] of touched) {
      if (el._item?.deleted) continue; // deleted by a later transaction of the same apply
      for (const key of old ? old.keys() : REVIEW_ATTRIBUTES) {
        const now = el.getAttribute(key) as unknown;
        const wanted = old ? old.get(key) : INITIAL[key];
        // an absent attribute reads as its initial value: writing that value changes nothing (the
        // editor writes every attribute of a block it edits, those older blocks lack included)
        const same = (now ?? INITIAL[key]) === (wanted ?? INITIAL[key]);
        if (same || now === undefined || (old === null && now === INITIAL[key])) continue;
        if (wanted === undefined || wanted === null) el.removeAttribute(key);
        else el.setAttribute(key, wanted as string);
        reverted++;
      }
    }
  }, 'review-guard');
  return reverted;
}
