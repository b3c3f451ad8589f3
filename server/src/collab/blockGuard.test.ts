import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BlockGuard } from './blockGuard.ts';

/** A block with one paragraph of `text`, as y-prosemirror writes it. */
function block(doc: Y.Doc, id: string, text: string, status = 'draft'): void {
  const el = new Y.XmlElement('speakerBlock');
  const para = new Y.XmlElement('paragraph');
  doc.transact(() => {
    el.setAttribute('id', id);
    el.setAttribute('speaker', id);
    el.setAttribute('status', status);
    doc.getXmlFragment(RECORD_FIELD).push([el]);
    el.push([para]);
    para.push([new Y.XmlText(text)]);
  });
}
const blocks = (d: Y.Doc) => d.getXmlFragment(RECORD_FIELD).toArray() as Y.XmlElement[];
const textOf = (el: Y.XmlElement) => ((el.get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
const summary = (d: Y.Doc) => blocks(d).map((b) => `${b.getAttribute('speaker')}:${textOf(b)}`);

/** A room document, a note-taker's copy of it, and the guard; `send` applies the copy's edit. */
function setup(status = 'live') {
  const room = new Y.Doc();
  block(room, 'Chair', 'The floor is open.', 'final');
  block(room, 'Peru', 'We support the draft.', 'checked');
  block(room, 'Chile', 'Thank you.');
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
    const editor = { role: 'editor', name: 'Eve' };
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
});
