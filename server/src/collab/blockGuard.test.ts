import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BlockGuard } from './blockGuard.ts';

/** A block with one paragraph of `text`, as y-prosemirror writes it, at index `at` (default: the end). */
function block(doc: Y.Doc, id: string, text: string, status = 'draft', at?: number): void {
  const el = new Y.XmlElement('speakerBlock');
  const para = new Y.XmlElement('paragraph');
  doc.transact(() => {
    el.setAttribute('id', id);
    el.setAttribute('speaker', id);
    el.setAttribute('status', status);
    const fragment = doc.getXmlFragment(RECORD_FIELD);
    fragment.insert(at ?? fragment.length, [el]);
    el.push([para]);
    para.push([new Y.XmlText(text)]);
  });
}
const blocks = (d: Y.Doc) => d.getXmlFragment(RECORD_FIELD).toArray() as Y.XmlElement[];
const textOf = (el: Y.XmlElement) => ((el.get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
const summary = (d: Y.Doc) => blocks(d).map((b) => `${b.getAttribute('speaker')}:${textOf(b)}`);

/**
 * A room document, a note-taker's copy of it, and the guard; `send` applies the copy's edit. The
 * record holds a final, a checked and a draft block, then `drafts` more drafts.
 */
function setup(status = 'live', drafts = 0) {
  const room = new Y.Doc();
  block(room, 'Chair', 'The floor is open.', 'final');
  block(room, 'Peru', 'We support the draft.', 'checked');
  block(room, 'Chile', 'Thank you.');
  for (let i = 0; i < drafts; i++) block(room, `Speaker ${i}`, `Statement ${i}.`);
  const session = { status };
  const guard = new BlockGuard(
    room,
    () => session.status,
    () => new Date('2017-01-24T10:00:00Z'),
  );
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const send = (edit: (d: Y.Doc) => void, writer = { role: 'note-taker', name: 'Ben' }) => {
    const sv = Y.encodeStateVector(client);
    client.transact(() => edit(client));
    const update = Y.encodeStateAsUpdate(client, sv);
    const origin = {};
    const g = guard.before(writer, origin, update);
    Y.applyUpdate(room, update, origin);
    const result = guard.after(g);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room, Y.encodeStateVector(client)));
    return result;
  };
  return { room, client, send, session };
}
const para = (d: Y.Doc, i: number) => (blocks(d)[i]!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
const marks = (d: Y.Doc) => blocks(d).map((b) => b.getAttribute('changedBy') ?? '');
const editor = { role: 'editor', name: 'Eve' };

describe('BlockGuard', () => {
  it("undoes a note-taker's typing in a final block and keeps the rest of the same update", () => {
    const { room, client, send } = setup();
    const result = send((d) => {
      para(d, 0).insert(0, 'XX ');
      para(d, 2).insert(para(d, 2).length, ' We agree.');
    });
    expect(result.undone).toBe(true);
    expect(summary(room)).toEqual([
      'Chair:The floor is open.',
      'Peru:We support the draft.',
      'Chile:Thank you. We agree.',
    ]);
    expect(summary(client)).toEqual(summary(room));
  });

  it('undoes deletions and attribute changes in a final block, and puts back a deleted final block', () => {
    const { room, send } = setup();
    send((d) => para(d, 0).delete(0, 4));
    send((d) => blocks(d)[0]!.setAttribute('speaker', 'Mallory'));
    expect(summary(room)[0]).toBe('Chair:The floor is open.');
    const result = send((d) => d.getXmlFragment(RECORD_FIELD).delete(0, 1));
    expect(result.undone).toBe(true);
    expect(summary(room)).toEqual(['Chair:The floor is open.', 'Peru:We support the draft.', 'Chile:Thank you.']);
    expect(blocks(room)[0]!.getAttribute('status')).toBe('final');
  });

  it("lets editors change final blocks, and leaves editors' changes unmarked", () => {
    const { room, send, session } = setup();
    session.status = 'review';
    expect(send((d) => para(d, 0).insert(0, 'Opening: '), editor).undone).toBe(false);
    send((d) => para(d, 1).insert(0, 'Peru: '), editor);
    expect(summary(room).slice(0, 2)).toEqual([
      'Chair:Opening: The floor is open.',
      'Peru:Peru: We support the draft.',
    ]);
    expect(blocks(room).map((b) => b.getAttribute('changedBy') ?? '')).toEqual(['', '', '']);
  });

  it('marks a checked block a note-taker changes, once per person, and drafts only while in review', () => {
    const { room, send, session } = setup();
    expect(send((d) => para(d, 1).insert(0, 'Peru: ')).marked).toBe(1);
    expect(send((d) => para(d, 1).insert(0, 'P')).marked).toBe(0); // already marked for Ben
    expect(send((d) => para(d, 2).insert(0, 'Chile: ')).marked).toBe(0); // a draft while live
    expect(blocks(room)[1]!.getAttributes()).toMatchObject({ changedBy: 'Ben', changedAt: '2017-01-24T10:00:00.000Z' });
    session.status = 'review';
    expect(send((d) => para(d, 2).insert(0, 'x')).marked).toBe(1);
    expect(send((d) => block(d, 'Brazil', 'New statement.')).marked).toBe(1); // a new block in review
    expect(blocks(room).map((b) => b.getAttribute('changedBy') ?? '')).toEqual(['', 'Ben', 'Ben', 'Ben']);
    expect(send((d) => para(d, 2).insert(0, 'y'), { role: 'note-taker', name: 'Ana' }).marked).toBe(1);
    expect(blocks(room)[2]!.getAttribute('changedBy')).toBe('Ana');
  });

  afterEach(() => vi.restoreAllMocks());

  it('visits only the blocks an update touches, not every block of a 1,000-block record', () => {
    const { room, send, session } = setup('live', 997);
    send((d) => para(d, 2).insert(0, 'Yes. ')); // the first update finds the final blocks, once
    const fragment = room.getXmlFragment(RECORD_FIELD);
    const walks = vi.spyOn(Y.XmlFragment.prototype, 'toArray');
    const reads = vi.spyOn(Y.XmlElement.prototype, 'getAttribute');

    // Ctrl+Enter in the middle of the record, then typing in the new block (the next update)
    expect(send((d) => block(d, 'Brazil', '', 'draft', 500))).toEqual({ undone: false, marked: 0 });
    expect(send((d) => para(d, 500).insert(0, 'We agree.'))).toEqual({ undone: false, marked: 0 });
    session.status = 'review';
    expect(send((d) => block(d, 'Cuba', 'Thank you.', 'draft', 700))).toEqual({ undone: false, marked: 1 });
    // still read-only: the first block is final
    expect(send((d) => para(d, 0).insert(0, 'XX '))).toEqual({ undone: true, marked: 0 });

    // no walk of the record; attributes read only of the blocks the updates touched
    expect(walks.mock.contexts.filter((t) => t === fragment).length).toBe(0);
    const roomReads = (reads.mock.contexts as Y.XmlElement[]).filter((el) => el.doc === room);
    expect(roomReads.length).toBeLessThanOrEqual(12); // 2,010 when every new block cost a walk of the record
    const [chair, brazil, cuba] = [0, 500, 700].map((i) => blocks(room)[i]);
    expect(new Set(roomReads)).toEqual(new Set([chair, brazil, cuba]));
    expect(summary(room)[0]).toBe('Chair:The floor is open.');
    expect(summary(room)[500]).toBe('Brazil:We agree.');
    expect(marks(room)[700]).toBe('Ben');
  });

  it('sees every block one update adds, wherever they go, beside typing in the same update', () => {
    const { room, client, send, session } = setup();
    const result = send((d) => {
      block(d, 'Brazil', 'First.', 'draft', 0);
      block(d, 'Cuba', 'Second.', 'draft', 2);
      para(d, 3).insert(0, 'Peru: '); // the checked block, now at index 3
      block(d, 'Mexico', 'Last.');
      para(d, 4).insert(0, 'Chile: ');
    });
    expect(result).toEqual({ undone: false, marked: 1 }); // the checked block; new drafts while live are not
    expect(summary(room)).toEqual([
      'Brazil:First.',
      'Chair:The floor is open.',
      'Cuba:Second.',
      'Peru:Peru: We support the draft.',
      'Chile:Chile: Thank you.',
      'Mexico:Last.',
    ]);
    expect(marks(room)).toEqual(['', '', '', 'Ben', '', '']);

    session.status = 'review';
    expect(
      send((d) => {
        block(d, 'Ecuador', 'One.', 'draft', 1);
        block(d, 'Haiti', 'Two.', 'draft', 1);
        para(d, 0).insert(0, 'Brazil: ');
      }).marked,
    ).toBe(3);
    expect(summary(room).slice(0, 3)).toEqual(['Brazil:Brazil: First.', 'Haiti:Two.', 'Ecuador:One.']);
    expect(marks(room).slice(0, 4)).toEqual(['Ben', 'Ben', 'Ben', '']);
    expect(summary(client)).toEqual(summary(room));
  });

  it('adds and deletes blocks in one update; a final block deleted beside new ones is put back', () => {
    const { room, client, send, session } = setup('review');
    expect(
      send((d) => {
        block(d, 'Brazil', 'New statement.');
        d.getXmlFragment(RECORD_FIELD).delete(2, 1);
      }),
    ).toEqual({ undone: false, marked: 1 });
    expect(summary(room)).toEqual(['Chair:The floor is open.', 'Peru:We support the draft.', 'Brazil:New statement.']);
    expect(marks(room)).toEqual(['', '', 'Ben']);

    session.status = 'live';
    const result = send((d) => {
      d.getXmlFragment(RECORD_FIELD).delete(0, 1);
      block(d, 'Cuba', 'Thank you.', 'draft', 0);
      block(d, 'Chile', 'Again.');
    });
    expect(result).toEqual({ undone: true, marked: 0 });
    expect(summary(room)).toEqual([
      'Chair:The floor is open.', // back after its left neighbour (none): first
      'Cuba:Thank you.',
      'Peru:We support the draft.',
      'Brazil:New statement.',
      'Chile:Again.',
    ]);
    expect(blocks(room)[0]!.getAttribute('status')).toBe('final');
    expect(summary(client)).toEqual(summary(room));
  });

  it('follows which blocks are final as they are set, added, reopened and deleted', () => {
    const { room, send } = setup();
    const tries = (i: number) => send((d) => para(d, i).insert(0, '~')).undone;
    send((d) => blocks(d)[1]!.setAttribute('status', 'final'), editor);
    expect(tries(1)).toBe(true);
    send((d) => block(d, 'Brazil', 'Closing.', 'final', 2), editor);
    expect(tries(2)).toBe(true);
    send((d) => blocks(d)[0]!.setAttribute('status', 'draft'), editor);
    expect(tries(0)).toBe(false);
    expect(tries(3)).toBe(false);
    // two neighbouring final blocks deleted in one update come back, in their order
    expect(send((d) => d.getXmlFragment(RECORD_FIELD).delete(1, 2)).undone).toBe(true);
    expect(summary(room)).toEqual([
      'Chair:~The floor is open.',
      'Peru:We support the draft.',
      'Brazil:Closing.',
      'Chile:~Thank you.',
    ]);
    send((d) => d.getXmlFragment(RECORD_FIELD).delete(1, 1), editor);
    expect(tries(1)).toBe(true); // Brazil, now second
    send((d) => {
      blocks(d)[1]!.setAttribute('status', 'draft');
      block(d, 'Cuba', 'Added final.', 'final', 0);
    }, editor);
    expect(tries(2)).toBe(false);
    expect(tries(0)).toBe(true);
    expect(summary(room)).toEqual([
      'Cuba:Added final.',
      'Chair:~The floor is open.',
      'Brazil:~Closing.',
      'Chile:~Thank you.',
    ]);
  });

  it('puts back final blocks deleted together in the order of the record, whatever order they became final in', () => {
    const { room, send } = setup();
    send((d) => para(d, 2).insert(0, '~')); // a note-taker's update: the guard knows the final blocks from here on
    send((d) => {
      block(d, 'Cuba', 'Third.', 'final');
      block(d, 'Brazil', 'Second.', 'final', 3);
    }, editor);
    send((d) => block(d, 'Argentina', 'First.', 'final', 3), editor);
    const before = summary(room);
    expect(before.slice(3)).toEqual(['Argentina:First.', 'Brazil:Second.', 'Cuba:Third.']);
    expect(send((d) => d.getXmlFragment(RECORD_FIELD).delete(3, 3)).undone).toBe(true);
    expect(summary(room)).toEqual(before);
    expect(blocks(room).map((b) => b.getAttribute('status'))).toEqual([
      'final',
      'checked',
      'draft',
      'final',
      'final',
      'final',
    ]);
  });
});
