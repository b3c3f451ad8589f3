import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { extractRecord } from '../blocks/extract.ts';
import { RECORD_FIELD, recordSchema } from '../schema/extensions.ts';
import { recordFromDoc } from './fromDoc.ts';
import { parseText } from './parseText.ts';
import { structureOf } from './structure.ts';
import { recordToDoc } from './toDoc.ts';
import type { ParsedRecord } from './types.ts';
import { readFixture } from '../testing/fixture.ts';

// the fixture lives beside the repository; these tests are skipped where it is absent
const fixture = readFixture() ?? '';
const withFixture = fixture ? describe : describe.skip;

withFixture('writing a parsed record into a session document', () => {
  const parsed = parseText(fixture);
  const doc = recordToDoc(parsed);

  it('creates one speaker block per statement with guessed kinds and draft status', () => {
    const { blocks } = extractRecord(doc);
    expect(blocks).toHaveLength(15);
    expect(blocks.map((b) => [b.speaker, b.kind])).toEqual([
      ['UNODC', 'un-entity'],
      ['Alexis Fishincker', 'un-entity'],
      ['Karyn Kramer', 'un-entity'],
      ['Marco Teixeira', 'un-entity'],
      ['Malta', 'member-state'],
      ['Argentina', 'member-state'],
      ['Russia', 'member-state'],
      ['Singapore', 'member-state'],
      ['Martin Diaz', 'civil-society'],
      ['Colombia', 'member-state'],
      ['Peru', 'member-state'],
      ['China', 'member-state'],
      ['Indonesia', 'member-state'],
      ['United States', 'member-state'],
      ['Amaya Ordorika Imaz', 'civil-society'],
    ]);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(15);
    expect(blocks.every((b) => /^[0-9a-f-]{36}$/.test(b.id) && b.status === 'draft' && b.startedAt === '')).toBe(true);
    expect(blocks[4]).toMatchObject({ onBehalfOf: 'European Union', affiliation: '' });
    expect(blocks[4]!.body[1]).toMatchObject({ type: 'list', ordered: false });
    expect((blocks[4]!.body[1] as { items: string[] }).items).toHaveLength(3);
  });

  it('reads back into exactly the parsed structure', () => {
    expect(recordFromDoc(doc, parsed.title)).toEqual(structureOf(parsed));
  });

  it('is a fragment the editor opens without rewriting it', () => {
    const fragment = doc.getXmlFragment(RECORD_FIELD);
    const node = yXmlFragmentToProseMirrorRootNode(fragment, recordSchema);
    node.check();
    let updates = 0;
    doc.on('update', () => updates++);
    // what y-prosemirror's sync plugin does when the editor's state is written back
    prosemirrorToYXmlFragment(node, fragment);
    expect(updates).toBe(0);
  });

  it('survives encoding as an update into a fresh document', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(recordFromDoc(copy, parsed.title)).toEqual(structureOf(parsed));
  });

  it('writes headings as agenda items, text before any speaker as loose paragraphs, empty statements as an empty paragraph', () => {
    const record: ParsedRecord = {
      title: 'T',
      sections: [
        {
          heading: null,
          blocks: [{ speaker: '', affiliation: null, onBehalfOf: null, paragraphs: ['Opening words.'] }],
        },
        {
          heading: 'MORNING SESSION',
          blocks: [
            { speaker: 'Chair', affiliation: null, onBehalfOf: null, paragraphs: [] },
            { speaker: 'Jane Roe', affiliation: 'HRI', onBehalfOf: null, paragraphs: ['a\nb'] },
          ],
        },
      ],
    };
    const d = recordToDoc(record);
    const names = d
      .getXmlFragment(RECORD_FIELD)
      .toArray()
      .map((n) => (n as Y.XmlElement).nodeName);
    expect(names).toEqual(['paragraph', 'agendaItem', 'speakerBlock', 'speakerBlock']);
    const extracted = extractRecord(d);
    expect(extracted.agendaItems.map((a) => a.title)).toEqual(['MORNING SESSION']);
    expect(extracted.blocks.map((b) => [b.kind, b.agendaItemId === extracted.agendaItems[0]!.id])).toEqual([
      ['chair', true],
      ['civil-society', true],
    ]);
    expect(recordFromDoc(d, 'T')).toEqual(structureOf(record));
  });
});
