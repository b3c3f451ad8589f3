/**
 * Rules on speaker blocks that the server enforces on note-takers' updates (issue 13, items 3-4).
 *
 * - A block marked final is read-only for note-takers, as the whole record is once the session is
 *   final. Their change to its text or attributes, or its deletion, is undone as soon as it is
 *   applied, as a new change on top (dropping the update would leave a gap in that client's clock
 *   and stall all its later edits; see reviewGuard.ts). The rest of the same update stands: only
 *   what lies inside final blocks is undone (a Y.UndoManager scoped to those blocks, tracking
 *   that one update), and a deleted final block is put back as it was.
 * - A block a note-taker changes after an editor checked it, or while the session is in review,
 *   is marked `changedBy` / `changedAt` (who, when), so the editor sees what changed since; the
 *   editor's next review of the block clears the mark. The mark is written once per person and
 *   block, not per keystroke. Only the server and editors may write it (reviewGuard.ts).
 * Editors' updates pass untouched.
 */
import * as Y from 'yjs';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { createdBlocks } from './reviewGuard.ts';

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are parametrised by their event type
type AnyType = Y.AbstractType<any>;

/** Who sent an update, as the socket's identity says. */
export interface Writer {
  role: string;
  name: string;
}

/** What `before` prepared for one update, handed to `after`. */
export interface Guarded {
  writer: Writer;
  origin: unknown;
  undo: Y.UndoManager | null;
  /** Final blocks the update deletes outright, copied (with their left neighbour) to be put back. */
  deletedFinals: { copy: Y.XmlElement; left: Y.Item | null }[];
  touched: Set<Y.XmlElement>;
}

/** Transaction origin of the server's own corrections (sent to every client, sender included). */
export const BLOCK_GUARD_ORIGIN = 'block-guard';

/** Enforces the block rules above on one room's document. */
export class BlockGuard {
  private readonly fragment: Y.XmlFragment;
  /** The fragment as the key type of `Transaction.changed`. */
  private readonly fragmentType: AnyType;
  /**
   * Top-level speaker blocks whose status is final, by item: found once, on the first update
   * that needs them, then kept up to date by `observe` from what each transaction changes.
   * Blocks deleted since are dropped by `finalBlocks` (`dropDeleted`).
   */
  private finals: Map<Y.Item, Y.XmlElement> | null = null;
  private dropDeleted = false;
  private watching: Guarded | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** The session's status now (live, review, final). */
    private readonly sessionStatus: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.fragment = doc.getXmlFragment(RECORD_FIELD);
    this.fragmentType = this.fragment as unknown as AnyType;
    doc.on('afterTransaction', (tr: Y.Transaction) => this.observe(tr));
  }

  /** Prepare to apply an update from `writer` with transaction origin `origin`; null for editors. */
  before(writer: Writer, origin: unknown, update: Uint8Array): Guarded | null {
    // an update that failed to apply never reached `after`: release what it prepared
    this.watching?.undo?.destroy();
    this.watching = null;
    if (writer.role === 'editor') return null;
    const finals = this.finalBlocks();
    const guarded: Guarded = { writer, origin, undo: null, deletedFinals: [], touched: new Set() };
    if (finals.size > 0) {
      guarded.undo = new Y.UndoManager([...finals.values()], {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0,
      });
      let ds: ReturnType<typeof Y.decodeUpdate>['ds'] | null = null;
      try {
        ds = Y.decodeUpdate(update).ds;
      } catch {
        // malformed: applying it fails too, and the room closes the sender
      }
      const deleted = ds ? [...finals.keys()].filter((item) => Y.isDeleted(ds, item.id)) : [];
      for (const item of inRecordOrder(this.fragment, deleted)) {
        guarded.deletedFinals.push({ copy: finals.get(item)!.clone(), left: item.left });
      }
    }
    this.watching = guarded;
    return guarded;
  }

  /** After the update was applied: undo what it did to final blocks and mark what it changed. */
  after(guarded: Guarded | null): { undone: boolean; marked: number } {
    this.watching = null;
    if (!guarded) return { undone: false, marked: 0 };
    let undone = false;
    const { undo } = guarded;
    if (undo) {
      undone = undo.undoStack.length > 0;
      if (undone) undo.undo();
      undo.destroy();
    }
    const restore = guarded.deletedFinals;
    if (restore.length > 0) {
      this.doc.transact(() => {
        for (const { copy, left } of restore) this.fragment.insert(indexAfter(this.fragment, left), [copy]);
      }, BLOCK_GUARD_ORIGIN);
      undone = true;
    }
    return { undone, marked: this.mark(guarded) };
  }

  /**
   * Top-level speaker blocks whose status is final. One walk of the record the first time; after
   * that only what transactions change is looked at (`observe`), and blocks deleted since the
   * last call are dropped here, at a cost in final blocks, which the caller pays anyway. Dropping
   * them matters: an update may repeat old deletions (a sync step 2 carries the sender's whole
   * delete set), and a deleted final block still held would be put back.
   */
  private finalBlocks(): Map<Y.Item, Y.XmlElement> {
    if (!this.finals) {
      this.finals = new Map();
      for (const el of this.fragment.toArray()) if (el instanceof Y.XmlElement) this.recheck(this.finals, el);
    } else if (this.dropDeleted) {
      for (const item of this.finals.keys()) if (item.deleted) this.finals.delete(item);
    }
    this.dropDeleted = false;
    return this.finals;
  }

  /** Put `el` (a top-level element) in `finals` or take it out, as its status now says. */
  private recheck(finals: Map<Y.Item, Y.XmlElement>, el: Y.XmlElement): void {
    const item = el._item;
    if (!item) return;
    if (!item.deleted && el.nodeName === 'speakerBlock' && el.getAttribute('status') === 'final') finals.set(item, el);
    else finals.delete(item);
  }

  /**
   * After every transaction: keep the final blocks up to date, and collect the top-level blocks
   * the watched update touches. Costs what the transaction changed, not the record's length.
   */
  private observe(tr: Y.Transaction): void {
    const watching = this.watching && tr.origin === this.watching.origin ? this.watching : null;
    const finals = this.finals;
    for (const [type, keys] of tr.changed) {
      if (finals && keys.has('status') && type._item?.parent === this.fragmentType && type instanceof Y.XmlElement) {
        this.recheck(finals, type);
      }
      if (watching) {
        const top = topLevel(type, this.fragmentType);
        if (top) watching.touched.add(top);
      }
    }
    if (!tr.changed.has(this.fragmentType)) return;
    // blocks may have gone: `finalBlocks` drops those it holds
    this.dropDeleted = true;
    // blocks this transaction inserted are not in `changed` (only types that existed before are):
    // they are found among the items it created
    if (!finals && !watching) return;
    for (const el of createdBlocks(this.fragment, tr)) {
      watching?.touched.add(el);
      if (finals) this.recheck(finals, el);
    }
  }

  /** Mark the live blocks the update touched that were checked, or any while in review. */
  private mark(guarded: Guarded): number {
    const inReview = this.sessionStatus() === 'review';
    const name = guarded.writer.name || 'a note-taker';
    const toMark = [...guarded.touched].filter(
      (el) =>
        el.nodeName === 'speakerBlock' &&
        !el._item?.deleted &&
        el.getAttribute('status') !== 'final' &&
        (inReview || el.getAttribute('status') === 'checked') &&
        el.getAttribute('changedBy') !== name,
    );
    if (toMark.length === 0) return 0;
    const at = this.now().toISOString();
    this.doc.transact(() => {
      for (const el of toMark) {
        el.setAttribute('changedBy', name);
        el.setAttribute('changedAt', at);
      }
    }, BLOCK_GUARD_ORIGIN);
    return toMark.length;
  }
}

/** The top-level element of the record holding `type`, or null. */
function topLevel(type: AnyType, fragment: AnyType): Y.XmlElement | null {
  let t: AnyType | null = type;
  while (t?._item) {
    if (t._item.parent === fragment) return t instanceof Y.XmlElement ? t : null;
    t = t._item.parent as AnyType;
  }
  return null;
}

/**
 * `items` (top-level items of `fragment`) in the record's order. Several final blocks deleted by
 * one update are put back in that order, as each goes after its old left neighbour; one walk of
 * the record, only then.
 */
function inRecordOrder(fragment: Y.XmlFragment, items: Y.Item[]): Y.Item[] {
  if (items.length < 2) return items;
  const wanted = new Set(items);
  const ordered: Y.Item[] = [];
  for (let n = fragment._start; n && ordered.length < items.length; n = n.right) if (wanted.has(n)) ordered.push(n);
  return ordered;
}

/** The index just after `left` (its nearest surviving left neighbour), or 0. */
function indexAfter(fragment: Y.XmlFragment, left: Y.Item | null): number {
  let l = left;
  while (l?.deleted) l = l.left;
  if (!l) return 0;
  let index = 0;
  for (let n = fragment._start; n; n = n.right) {
    if (!n.deleted) index += n.length;
    if (n === l) return index;
  }
  return fragment.length;
}
