import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { revertReview, setsReviewStatus, snapshotReview } from './reviewGuard.ts';

function updateOf(fn: (block: Y.XmlElement) => void, base?: Y.Doc): [Uint8Array, Y.Doc] {
  const doc = base ?? new Y.Doc();
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment('record');
  let block = frag.get(0) as Y.XmlElement | undefined;
  doc.transact(() => {
    if (!block) {
      block = new Y.XmlElement('speakerBlock');
      frag.push([block]);
    }
    fn(block);
  });
  return [Y.encodeStateAsUpdate(doc, before), server];
}
const check = ([u, d]: [Uint8Array, Y.Doc]) => setsReviewStatus(u, d);

describe('setsReviewStatus', () => {
  it('lets ordinary attribute edits through unchecked', () => {
    expect(check(updateOf((b) => b.setAttribute('speaker', 'Brazil')))).toBe(false);
  });

  it('checks any write of a review attribute, initial values and the changed mark included', () => {
    expect(check(updateOf((b) => b.setAttribute('status', 'draft')))).toBe(true);
    expect(check(updateOf((b) => b.setAttribute('changedBy', '')))).toBe(true);
  });

  it("reverts a non-editor's clearing of a review on an existing block, and keeps a new block's initial values", () => {
    const room = new Y.Doc();
    const frag = room.getXmlFragment('record');
    const checked = new Y.XmlElement('speakerBlock');
    frag.push([checked]);
    checked.setAttribute('status', 'checked');
    checked.setAttribute('changedBy', 'Ben');
    const before = snapshotReview(frag);
    const fresh = new Y.XmlElement('speakerBlock');
    room.transact(() => {
      checked.setAttribute('status', 'draft');
      checked.setAttribute('changedBy', '');
      frag.push([fresh]);
      fresh.setAttribute('status', 'draft');
      fresh.setAttribute('changedBy', '');
    });
    const older = new Y.XmlElement('speakerBlock'); // written before the changed mark existed
    frag.push([older]);
    older.setAttribute('status', 'draft');
    const withOlder = snapshotReview(frag);
    older.setAttribute('changedBy', ''); // what an editor writes for a block it edits
    expect(revertReview(frag, withOlder)).toBe(0);
    expect(revertReview(frag, before)).toBe(2);
    expect(checked.getAttributes()).toMatchObject({ status: 'checked', changedBy: 'Ben' });
    expect(fresh.getAttributes()).toMatchObject({ status: 'draft', changedBy: '' });
  });

  it('flags setting a block to checked or final, or who checked it', () => {
    expect(check(updateOf((b) => b.setAttribute('status', 'checked')))).toBe(true);
    expect(check(updateOf((b) => b.setAttribute('status', 'final')))).toBe(true);
    expect(check(updateOf((b) => b.setAttribute('statusBy', 'Mallory')))).toBe(true);
  });

  it('flags a change on an existing block, not only on new ones', () => {
    const doc = new Y.Doc();
    updateOf((b) => b.setAttribute('status', 'draft'), doc);
    expect(check(updateOf((b) => b.setAttribute('status', 'checked'), doc))).toBe(true);
  });
});
