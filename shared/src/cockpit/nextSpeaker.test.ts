import { describe, expect, it } from 'vitest';
import { recordSchema } from '../schema/extensions.ts';
import { endOfCurrentItem, nextSpeakerInsertion } from './nextSpeaker.ts';

const s = recordSchema;
const item = (title: string) => s.node('agendaItem', { id: title }, [s.text(title)]);
const para = (t = '') => s.node('paragraph', null, t ? [s.text(t)] : []);
const block = (id: string, t: string) => s.node('speakerBlock', { id, speaker: id }, [para(t)]);

/** The document position where top-level child `i` starts. */
function startOf(doc: ReturnType<typeof s.node>, i: number): number {
  let pos = 0;
  for (let n = 0; n < i; n++) pos += doc.child(n).nodeSize;
  return pos;
}

describe('nextSpeakerInsertion', () => {
  const doc = s.node('doc', null, [
    item('Item 1'), // 0
    block('malta', 'Thank you.'), // 1
    para(''), // 2 trailing empty paragraph of item 1
    item('Item 2'), // 3
    block('peru', 'We agree.'), // 4
  ]);

  it('inserts at the end of the current agenda item, before the next heading and trailing empty paragraphs', () => {
    const cursor = startOf(doc, 1) + 3; // inside Malta's text
    expect(endOfCurrentItem(doc, cursor)).toBe(startOf(doc, 2));
    // from the heading of item 1 as well
    expect(endOfCurrentItem(doc, 1)).toBe(startOf(doc, 2));
  });

  it('inserts at the end of the document in the last agenda item', () => {
    expect(endOfCurrentItem(doc, startOf(doc, 4) + 2)).toBe(doc.content.size);
    expect(endOfCurrentItem(doc, doc.content.size)).toBe(doc.content.size);
  });

  it('builds a valid speaker block from the entry, with a start time and a fresh id', () => {
    const now = new Date('2017-01-24T10:15:00Z');
    const r = nextSpeakerInsertion(
      doc,
      3,
      { name: ' Brazil ', onBehalfOf: 'Group of 77 and China', kind: 'member-state' },
      { now, id: 'new-1', openedBy: '42' },
    );
    expect(r.node).toEqual({
      type: 'speakerBlock',
      attrs: {
        id: 'new-1',
        speaker: 'Brazil',
        affiliation: '',
        onBehalfOf: 'Group of 77 and China',
        kind: 'member-state',
        startedAt: '2017-01-24T10:15:00.000Z',
        status: 'draft',
        openedBy: '42',
      },
      content: [{ type: 'paragraph' }],
    });
    // inserting it yields a valid document with the cursor inside the new paragraph
    const next = doc.type.create(
      null,
      doc.content
        .cut(0, r.pos)
        .append(s.nodeFromJSON({ type: 'doc', content: [r.node] }).content)
        .append(doc.content.cut(r.pos)),
    );
    expect(() => next.check()).not.toThrow();
    expect(next.child(2).attrs.id).toBe('new-1');
    expect(next.resolve(r.cursor).parent.type.name).toBe('paragraph');
    expect(next.resolve(r.cursor).node(1).attrs.id).toBe('new-1');
  });

  it('falls back to a safe kind and gives each block its own id', () => {
    const a = nextSpeakerInsertion(doc, 0, { name: 'X', kind: 'bogus' });
    const b = nextSpeakerInsertion(doc, 0, { name: 'X' });
    expect(a.node.attrs.kind).toBe('other');
    expect(a.node.attrs.id).not.toBe(b.node.attrs.id);
  });

  it('works on a document with no agenda items and on an empty document', () => {
    const flat = s.node('doc', null, [block('a', 'x'), block('b', 'y')]);
    expect(endOfCurrentItem(flat, 2)).toBe(flat.content.size);
    const empty = s.node('doc', null, [para()]);
    // the only paragraph is the cursor's own: the block goes after it
    expect(endOfCurrentItem(empty, 1)).toBe(empty.content.size);
  });
});
