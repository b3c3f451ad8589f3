import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RECORD_FIELD } from '../schema/field.ts';
import { BlockPartsCache, countWords, extractRecord } from './extract.ts';

function el(name: string, attrs: Record<string, string>, children: (Y.XmlElement | Y.XmlText)[] = []): Y.XmlElement {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.insert(0, children);
  return e;
}
const text = (s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  return t;
};
const para = (s: string) => el('paragraph', {}, [text(s)]);

function docWith(nodes: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(RECORD_FIELD).insert(0, nodes);
  return doc;
}

describe('extractRecord', () => {
  it('reads agenda items and speaker blocks in order, with their attributes and body', () => {
    const doc = docWith([
      el('agendaItem', { id: 'a1' }, [text('MORNING SESSION')]),
      el(
        'speakerBlock',
        {
          id: 'b1',
          speaker: 'Malta',
          onBehalfOf: 'European Union',
          kind: 'member-state',
          status: 'checked',
          startedAt: '2017-01-24T10:02:00Z',
        },
        [
          para('The EU supports the following:'),
          el('bulletList', {}, [
            el('listItem', {}, [para('action by the CND')]),
            el('listItem', {}, [para('reviewing subsidiary bodies')]),
          ]),
          para('Thank you, Chair.'),
        ],
      ),
      para('A loose note'),
      el('speakerBlock', { id: 'b2', speaker: 'Peru', kind: 'nonsense', status: 'bogus' }, [
        para('We give great importance.'),
      ]),
    ]);
    const r = extractRecord(doc);
    expect(r.agendaItems).toEqual([{ id: 'a1', position: 0, title: 'MORNING SESSION' }]);
    expect(r.blocks.map((b) => [b.id, b.position, b.agendaItemId, b.speaker])).toEqual([
      ['b1', 0, 'a1', 'Malta'],
      ['b2', 1, 'a1', 'Peru'],
    ]);
    const malta = r.blocks[0]!;
    expect(malta.onBehalfOf).toBe('European Union');
    expect(malta.status).toBe('checked');
    expect(malta.body[1]).toEqual({
      type: 'list',
      ordered: false,
      items: ['action by the CND', 'reviewing subsidiary bodies'],
    });
    expect(malta.text).toBe(
      'The EU supports the following:\n\naction by the CND\nreviewing subsidiary bodies\n\nThank you, Chair.',
    );
    expect(malta.wordCount).toBe(15);
    // unknown enum values fall back to safe defaults
    expect(r.blocks[1]!.kind).toBe('other');
    expect(r.blocks[1]!.status).toBe('draft');
    expect(r.loose).toEqual([{ agendaItemId: 'a1', part: { type: 'paragraph', text: 'A loose note' } }]);
  });

  it('gives repeated ids (a pasted copy) distinct derived ids', () => {
    const doc = docWith([
      el('speakerBlock', { id: 'x', speaker: 'A' }, [para('1')]),
      el('speakerBlock', { id: 'x', speaker: 'B' }, [para('2')]),
    ]);
    expect(extractRecord(doc).blocks.map((b) => b.id)).toEqual(['x', 'x~2']);
  });

  it('ignores marks and keeps hard breaks as newlines', () => {
    const t = new Y.XmlText();
    t.insert(0, 'bold', { bold: true });
    t.insert(4, ' plain');
    const doc = docWith([
      el('speakerBlock', { id: 'b', speaker: 'C' }, [el('paragraph', {}, [t, el('hardBreak', {}), text('next')])]),
    ]);
    expect(extractRecord(doc).blocks[0]!.text).toBe('bold plain\nnext');
  });

  it('counts words as a reader would', () => {
    expect(countWords("The EU's 22 billion-dollar case – isn't it?")).toBe(7);
    expect(countWords('   ')).toBe(0);
  });
});

describe('extractRecord: action items and decisions', () => {
  const action = (id: string, owner: string, due: string, s: string) => el('actionItem', { id, owner, due }, [text(s)]);
  const decision = (id: string, s: string) => el('decision', { id }, [text(s)]);

  it('lists them with the agenda item and block they belong to, in document order', () => {
    const doc = docWith([
      el('agendaItem', { id: 'a1' }, [text('Item 3')]),
      el('speakerBlock', { id: 'b1', speaker: 'Chair' }, [
        para('We move on.'),
        action('x1', 'Secretariat', '2017-02-01', 'Circulate the revised draft'),
        decision('d1', 'The Commission adopts the report.'),
      ]),
      action('x2', '', '', 'Follow up with INCB'),
      el('agendaItem', { id: 'a2' }, [text('Item 4')]),
      decision('d2', 'Postponed to March'),
    ]);
    const r = extractRecord(doc);
    expect(r.actions).toEqual([
      {
        id: 'x1',
        position: 0,
        agendaItemId: 'a1',
        blockId: 'b1',
        owner: 'Secretariat',
        due: '2017-02-01',
        text: 'Circulate the revised draft',
      },
      { id: 'x2', position: 1, agendaItemId: 'a1', blockId: null, owner: '', due: '', text: 'Follow up with INCB' },
    ]);
    expect(r.decisions).toEqual([
      { id: 'd1', position: 0, agendaItemId: 'a1', blockId: 'b1', text: 'The Commission adopts the report.' },
      { id: 'd2', position: 1, agendaItemId: 'a2', blockId: null, text: 'Postponed to March' },
    ]);
  });

  it('reads them into the block body as Action and Decision lines, keeping blocks and ids as before', () => {
    const doc = docWith([
      el('speakerBlock', { id: 'b1', speaker: 'Chair' }, [
        para('We agree.'),
        action('x1', 'Secretariat', '2017-02-01', 'Circulate it'),
        decision('d1', 'Adopted.'),
      ]),
      action('x2', '', '', 'Loose one'),
    ]);
    const r = extractRecord(doc);
    expect(r.blocks.map((b) => b.id)).toEqual(['b1']);
    expect(r.blocks[0]!.text).toBe(
      'We agree.\n\nAction: Secretariat — Circulate it (due 2017-02-01)\n\nDecision: Adopted.',
    );
    expect(r.loose).toEqual([{ agendaItemId: null, part: { type: 'paragraph', text: 'Action: Loose one' } }]);
  });

  it('finds one inside a list item, and makes repeated ids distinct', () => {
    const doc = docWith([
      el('speakerBlock', { id: 'b1', speaker: 'Peru' }, [
        el('bulletList', {}, [el('listItem', {}, [para('first'), action('x', 'Peru', '', 'Send data')])]),
        action('x', '', '', 'again'),
      ]),
    ]);
    const r = extractRecord(doc);
    expect(r.actions.map((a) => [a.id, a.text])).toEqual([
      ['x', 'Send data'],
      ['x~2', 'again'],
    ]);
    expect(r.blocks[0]!.body[0]).toEqual({ type: 'list', ordered: false, items: ['first\nAction: Peru — Send data'] });
  });

  it('returns empty lists for a document without any', () => {
    const r = extractRecord(docWith([el('speakerBlock', { id: 'b', speaker: 'A' }, [para('1')])]));
    expect(r.actions).toEqual([]);
    expect(r.decisions).toEqual([]);
  });
});

describe('BlockPartsCache', () => {
  it('gives the same record as reading everything, rereading only the blocks an edit touched', () => {
    const doc = docWith([
      el('agendaItem', { id: 'a1' }, [text('Item 1')]),
      el('speakerBlock', { id: 'b1', speaker: 'Malta' }, [para('First statement.')]),
      el('speakerBlock', { id: 'b2', speaker: 'Peru' }, [para('Second statement.')]),
      el('speakerBlock', { id: 'b3', speaker: 'Chile' }, [para('Third statement.')]),
    ]);
    const cache = new BlockPartsCache(doc);
    const blocks = () => doc.getXmlFragment(RECORD_FIELD).toArray() as Y.XmlElement[];
    const same = () => {
      const cached = extractRecord(doc, cache);
      expect(cached).toEqual(extractRecord(doc));
      return cached;
    };
    const first = same();

    // typing inside one block's paragraph: only that block is read again
    ((blocks()[2]!.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Indeed. ');
    const second = same();
    expect(second.blocks[0]!.body).toBe(first.blocks[0]!.body);
    expect(second.blocks[1]!.body).not.toBe(first.blocks[1]!.body);
    expect(second.blocks[1]!.text).toBe('Indeed. Second statement.');
    expect(second.blocks[2]!.body).toBe(first.blocks[2]!.body);

    // an action item added deep inside a block, an attribute, a new agenda item above, a deletion
    blocks()[1]!.push([el('actionItem', { id: 'x1', owner: 'Secretariat' }, [text('Circulate the draft')])]);
    same();
    blocks()[3]!.setAttribute('speaker', 'Chile (Chair)');
    same();
    doc.getXmlFragment(RECORD_FIELD).insert(2, [el('agendaItem', { id: 'a2' }, [text('Item 2')])]);
    const moved = same();
    expect(moved.actions.map((a) => [a.id, a.agendaItemId, a.blockId])).toEqual([['x1', 'a1', 'b1']]);
    doc.getXmlFragment(RECORD_FIELD).delete(1, 1);
    same();

    // edits arriving from another replica invalidate the same way
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const remoteBlock = other.getXmlFragment(RECORD_FIELD).get(2) as Y.XmlElement;
    ((remoteBlock.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Remotely, ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(same().blocks.some((b) => b.text.startsWith('Remotely, '))).toBe(true);
    cache.destroy();
  });
});
