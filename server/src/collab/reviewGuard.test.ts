import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { applyGuarded, setsReviewStatus } from './reviewGuard.ts';

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
    const fresh = new Y.XmlElement('speakerBlock');
    const reverted = applyGuarded(frag, () =>
      room.transact(() => {
        checked.setAttribute('status', 'draft');
        checked.setAttribute('changedBy', '');
        frag.push([fresh]);
        fresh.setAttribute('status', 'draft');
        fresh.setAttribute('changedBy', '');
      }),
    );
    expect(reverted).toBe(2);
    expect(checked.getAttributes()).toMatchObject({ status: 'checked', changedBy: 'Ben' });
    expect(fresh.getAttributes()).toMatchObject({ status: 'draft', changedBy: '' });
    const older = new Y.XmlElement('speakerBlock'); // written before the changed mark existed
    frag.push([older]);
    older.setAttribute('status', 'draft');
    // what an editor writes for a block it edits
    expect(applyGuarded(frag, () => older.setAttribute('changedBy', ''))).toBe(0);
    expect(older.getAttributes()).toMatchObject({ status: 'draft', changedBy: '' });
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

describe('applyGuarded', () => {
  const REVIEWED = {
    status: 'checked',
    statusBy: 'Eve',
    statusAt: '2024-05-01T10:00:00Z',
    changedBy: '',
    changedAt: '',
  };

  /** A room's record of `n` reviewed speaker blocks with text, and a note-taker's synced copy. */
  function record(n: number): { room: Y.Doc; frag: Y.XmlFragment; client: Y.Doc } {
    const room = new Y.Doc();
    const frag = room.getXmlFragment('record');
    room.transact(() => {
      for (let i = 0; i < n; i++) frag.push([speakerBlock(REVIEWED, `Statement ${i}.`)]);
    });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    return { room, frag, client };
  }
  function speakerBlock(attrs: Record<string, string>, text: string): Y.XmlElement {
    const block = new Y.XmlElement('speakerBlock');
    for (const [k, v] of Object.entries(attrs)) block.setAttribute(k, v);
    block.insert(0, [new Y.XmlText(text)]);
    return block;
  }
  /** What the note-taker's `edit` sends, applied by the room as the server does for a non-editor. */
  function noteTakerEdit(room: Y.Doc, client: Y.Doc, edit: (frag: Y.XmlFragment) => void): number {
    const sv = Y.encodeStateVector(client);
    client.transact(() => edit(client.getXmlFragment('record')));
    const update = Y.encodeStateAsUpdate(client, sv);
    return applyGuarded(room.getXmlFragment('record'), () => Y.applyUpdate(room, update, 'note-taker'));
  }
  const block = (frag: Y.XmlFragment, i: number) => frag.get(i) as Y.XmlElement;
  const text = (frag: Y.XmlFragment, i: number) => (block(frag, i).get(0) as Y.XmlText).toString();

  afterEach(() => vi.restoreAllMocks());

  it('reads only the blocks an update touches, not every block of a 1,000-block record', () => {
    const { room, frag, client } = record(1000);
    const reads = vi.spyOn(Y.XmlElement.prototype, 'getAttribute');

    // a new speaker block carries the initial review values: kept, and only that block is read
    const fresh = { status: 'draft', statusBy: '', statusAt: '', changedBy: '', changedAt: '' };
    expect(noteTakerEdit(room, client, (f) => f.insert(500, [speakerBlock(fresh, 'New.')]))).toBe(0);
    expect(block(frag, 500).getAttributes()).toMatchObject(fresh);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(5);
    expect(new Set(reads.mock.contexts)).toEqual(new Set([block(frag, 500)]));

    // an existing block's status changed: reverted, reading that block alone
    reads.mockClear();
    expect(noteTakerEdit(room, client, (f) => block(f, 900).setAttribute('status', 'draft'))).toBe(1);
    expect(block(frag, 900).getAttribute('status')).toBe('checked');
    expect(reads.mock.calls.length).toBeLessThanOrEqual(5);
    expect(new Set(reads.mock.contexts)).toEqual(new Set([block(frag, 900)]));
  });

  it('reverts a new block with a forged status and a changed existing one in one update, keeping the text', () => {
    const { room, frag, client } = record(3);
    const forged = {
      status: 'final',
      statusBy: 'Mallory',
      statusAt: '2024-05-01T11:00:00Z',
      changedBy: '',
      changedAt: '',
    };
    const reverted = noteTakerEdit(room, client, (f) => {
      f.push([speakerBlock(forged, 'Forged block.')]);
      block(f, 1).setAttribute('status', 'final');
      block(f, 1).setAttribute('statusBy', 'Mallory');
      (block(f, 1).get(0) as Y.XmlText).insert(0, 'Typed. ');
    });
    expect(reverted).toBe(5); // status, statusBy, statusAt of the new block; status, statusBy of block 1
    expect(block(frag, 3).getAttributes()).toMatchObject({ status: 'draft', statusBy: '', statusAt: '' });
    expect(text(frag, 3)).toBe('Forged block.');
    expect(block(frag, 1).getAttributes()).toMatchObject(REVIEWED);
    expect(text(frag, 1)).toBe('Typed. Statement 1.');
    expect(block(frag, 0).getAttributes()).toMatchObject(REVIEWED);
    // the corrections reach the note-taker too
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
    expect(client.getXmlFragment('record').toString()).toBe(frag.toString());
  });

  it('lets an update delete blocks, reverting only the review change beside it', () => {
    const { room, frag, client } = record(3);
    expect(noteTakerEdit(room, client, (f) => f.delete(0, 1))).toBe(0);
    expect(frag.length).toBe(2);
    expect(text(frag, 0)).toBe('Statement 1.');
    expect(
      noteTakerEdit(room, client, (f) => {
        f.delete(1, 1);
        block(f, 0).setAttribute('statusBy', 'Mallory');
      }),
    ).toBe(1);
    expect(frag.length).toBe(1);
    expect(block(frag, 0).getAttributes()).toMatchObject(REVIEWED);
  });

  it('removes its observer when the apply throws, and refuses to run inside a transaction', () => {
    const { room, frag } = record(1);
    const observeDeep = vi.spyOn(frag, 'observeDeep');
    const unobserveDeep = vi.spyOn(frag, 'unobserveDeep');
    expect(() =>
      applyGuarded(frag, () => {
        block(frag, 0).setAttribute('status', 'draft');
        throw new Error('malformed');
      }),
    ).toThrow('malformed');
    expect(observeDeep).toHaveBeenCalledTimes(1);
    expect(unobserveDeep).toHaveBeenCalledWith(observeDeep.mock.calls[0]![0]);
    room.transact(() => expect(() => applyGuarded(frag, () => {})).toThrow('inside a transaction'));
  });
});
