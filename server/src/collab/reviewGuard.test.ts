import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setsReviewStatus } from './reviewGuard.ts';

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
  it('allows new draft blocks and ordinary attribute edits', () => {
    expect(check(updateOf((b) => b.setAttribute('status', 'draft')))).toBe(false);
    expect(check(updateOf((b) => b.setAttribute('speaker', 'Brazil')))).toBe(false);
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
