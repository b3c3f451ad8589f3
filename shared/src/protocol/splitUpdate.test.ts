import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordToDoc } from '../record/toDoc.ts';
import type { ParsedRecord } from '../record/types.ts';
import { RECORD_FIELD } from '../schema/field.ts';
import { randomInt, randomPick, seededRandom } from '../testing/random.ts';
import { readerItems, splitUpdate as splitLazily } from './splitUpdate.ts';

const splitUpdate = (...args: Parameters<typeof splitLazily>) => splitLazily(...args).map((part) => part());

function longRecord(blocks: number): ParsedRecord {
  const words = 'the delegation supported the draft resolution and asked for more time'.split(' ');
  return {
    title: 'Plenary',
    sections: [
      {
        heading: 'Agenda item 3',
        blocks: Array.from({ length: blocks }, (_, i) => ({
          speaker: `Speaker ${i}`,
          affiliation: i % 3 ? 'Member State' : null,
          onBehalfOf: i % 5 ? null : 'European Union',
          paragraphs: [
            Array.from({ length: 40 }, (_, w) => words[(i + w) % words.length]).join(' '),
            ...(i % 4 ? [] : ['First point\nSecond point']),
          ],
        })),
      },
    ],
  };
}

/** What a reader of the document sees, and what it knows (state vector, deletions). */
function state(doc: Y.Doc) {
  return {
    record: doc.getXmlFragment(RECORD_FIELD).toJSON(),
    maps: doc.getMap('meta').toJSON(),
    sv: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]),
    ds: Y.createDeleteSetFromStructStore(doc.store),
  };
}

function expectSame(a: Y.Doc, b: Y.Doc) {
  const sa = state(a);
  const sb = state(b);
  expect(sb.record).toEqual(sa.record);
  expect(sb.maps).toEqual(sa.maps);
  expect(sb.sv).toEqual(sa.sv);
  expect(Y.equalDeleteSets(sa.ds, sb.ds)).toBe(true);
  expect(b.store.pendingStructs).toBeNull();
  expect(b.store.pendingDs).toBeNull();
}

const applyAll = (doc: Y.Doc, parts: Uint8Array[]) => {
  for (const p of parts) Y.applyUpdate(doc, p);
  return doc;
};

/** Several clients editing one record concurrently, with deletions, formatting and a root map. */
function editedConcurrently(seed: number): Y.Doc {
  const rand = seededRandom(seed);
  const base = recordToDoc(longRecord(30));
  const peers = Array.from({ length: 4 }, () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    return d;
  });
  for (let round = 0; round < 25; round++) {
    for (const peer of peers) {
      const record = peer.getXmlFragment(RECORD_FIELD);
      const n = record.length;
      const op = randomInt(rand, 6);
      if (op === 0 && n > 2) record.delete(randomInt(rand, n), 1);
      else if (op === 1) {
        const block = new Y.XmlElement('speakerBlock');
        block.setAttribute('speaker', `Peer ${peer.clientID % 100}`);
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('a new statement')]);
        block.insert(0, [p]);
        record.insert(randomInt(rand, n + 1), [block]);
      } else if (op === 2) peer.getMap('meta').set(`k${randomInt(rand, 5)}`, rand());
      else {
        // type into (or delete from, or format) the text of some block's first paragraph
        const block = record.get(randomInt(rand, n));
        if (!(block instanceof Y.XmlElement)) continue;
        const para = block.get(block.length - 1);
        const text = para instanceof Y.XmlElement ? para.get(0) : null;
        if (!(text instanceof Y.XmlText)) continue;
        const at = randomInt(rand, text.length + 1);
        if (op === 3) text.insert(at, randomPick(rand, ['x', 'yes ', 'Chair']));
        else if (op === 4 && text.length > 3) text.delete(Math.min(at, text.length - 2), 2);
        else if (text.length > 0) text.format(Math.min(at, text.length - 1), 1, { bold: true });
      }
    }
    // exchange some rounds, not all: concurrent edits interleave
    if (round % 3 === 2) {
      const updates = peers.map((p) => Y.encodeStateAsUpdate(p));
      for (const p of peers) for (const u of updates) Y.applyUpdate(p, u);
    }
  }
  const all = new Y.Doc();
  for (const p of peers) Y.applyUpdate(all, Y.encodeStateAsUpdate(p));
  return all;
}

describe('splitUpdate', () => {
  it('returns a small update as it is', () => {
    const doc = recordToDoc(longRecord(2));
    const update = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(update, update.byteLength)).toEqual([update]);
  });

  it('splits an imported record into parts of whole blocks that rebuild it, none waiting on another', () => {
    const doc = recordToDoc(longRecord(200));
    const update = Y.encodeStateAsUpdate(doc);
    // a small first part (what the reader shows first), then larger ones: 8, 16, 16 KB…
    const parts = splitUpdate(update, { first: 4 * 1024, rest: 16 * 1024 });
    expect(parts.length).toBeGreaterThan(5);
    expect(parts[0]!.byteLength).toBeLessThan(6 * 1024);
    expect(parts[1]!.byteLength).toBeLessThan(11 * 1024);
    for (const p of parts.slice(2, -1)) expect(p.byteLength).toBeGreaterThan(14 * 1024);
    for (const p of parts) expect(p.byteLength).toBeLessThan(24 * 1024);
    const reader = new Y.Doc();
    let blocks = 0;
    for (const part of parts) {
      Y.applyUpdate(reader, part);
      // nothing is held back, and every block shown so far is whole: its attributes and statement
      expect(reader.store.pendingStructs).toBeNull();
      const shown = reader.getXmlFragment(RECORD_FIELD).toArray() as Y.XmlElement[];
      expect(shown.length).toBeGreaterThan(blocks);
      blocks = shown.length;
      for (const el of shown.filter((e) => e.nodeName === 'speakerBlock')) {
        expect(el.getAttribute('id')).toBeTruthy();
        expect(el.getAttribute('speaker')).toMatch(/^Speaker \d+$/);
        expect(el.toString()).toContain('the delegation');
      }
    }
    expectSame(doc, reader);
  });

  it('rebuilds concurrently edited documents in order, and converges in any order', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const doc = editedConcurrently(seed);
      const update = Y.encodeStateAsUpdate(doc);
      const parts = splitUpdate(update, 2 * 1024);
      expect(parts.length, `seed ${seed}`).toBeGreaterThan(3);
      expectSame(doc, applyAll(new Y.Doc(), parts));
      expectSame(doc, applyAll(new Y.Doc(), [...parts].reverse()));
    }
  });

  it('splits what a reader lacks (a sync reply), deletions of what it already has included', () => {
    const doc = editedConcurrently(7);
    // the reader has an older state of the same document; then much is typed and deleted
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc));
    const record = doc.getXmlFragment(RECORD_FIELD);
    record.delete(0, 3); // deletes items the reader already has
    for (let i = 0; i < 40; i++) {
      const block = new Y.XmlElement('speakerBlock');
      block.insert(0, [new Y.XmlText('later statement '.repeat(20))]);
      record.insert(record.length, [block]);
    }
    const reply = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(reader));
    // cut only where new blocks begin, which the reply says through the blocks the reader has
    expect(splitUpdate(reply, 1024)).toHaveLength(1);
    const parts = splitUpdate(reply, 1024, readerItems(reader));
    expect(parts.length).toBeGreaterThan(3);
    expectSame(doc, applyAll(reader, parts));
  });

  it('reads past every kind of content Yjs writes', () => {
    const doc = new Y.Doc();
    const kinds = doc.getMap('kinds');
    const text = doc.getText('text');
    const xml = doc.getXmlFragment('xml');
    for (let i = 0; i < 60; i++) {
      text.insert(text.length, `Señora ${i} 🇺🇳 said: «ok» 😀 `); // multi-byte and surrogate pairs
      text.format(0, 3, { bold: true, colour: { hue: i } });
      text.insertEmbed(text.length, { image: `figure-${i}.png` });
      kinds.set(`any-${i}`, { n: i, list: [1, 'two', null, true, 2.5, -7n.toString()], nested: { deep: [i] } });
      kinds.set(`bin-${i}`, new Uint8Array([i, 255, 0, 128]));
      kinds.set(`sub-${i}`, new Y.Doc({ guid: `sub-${i}` }));
      const el = new Y.XmlElement('paragraph');
      el.setAttribute('data-n', String(i));
      el.insert(0, [new Y.XmlText(`paragraph ${i} ✓`)]);
      // a hook (a map in the XML tree), which the typings of insert leave out
      xml.insert(xml.length, [el, new Y.XmlHook('hook') as unknown as Y.XmlElement]);
      if (i % 7 === 0) text.delete(0, 5); // deleted, and collected content
      if (i % 9 === 0) kinds.delete(`any-${i - 1}`);
    }
    const update = Y.encodeStateAsUpdate(doc);
    const parts = splitUpdate(update, 512);
    expect(parts.length).toBeGreaterThan(10);
    const rebuilt = applyAll(new Y.Doc(), parts);
    expect(rebuilt.getText('text').toDelta()).toEqual(text.toDelta());
    expect(rebuilt.getXmlFragment('xml').toString()).toEqual(xml.toString());
    const json = (m: Y.Map<unknown>) =>
      Object.fromEntries([...m.entries()].map(([k, v]) => [k, v instanceof Y.Doc ? `doc ${v.guid}` : v]));
    expect(json(rebuilt.getMap('kinds'))).toEqual(json(kinds));
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
  });

  it('throws on bytes that are not an update', () => {
    expect(() => splitUpdate(new Uint8Array(4096).fill(0xff), 1024)).toThrow();
    // a real update cut short
    const update = Y.encodeStateAsUpdate(recordToDoc(longRecord(50)));
    expect(() => splitUpdate(update.subarray(0, update.length >> 1), 1024)).toThrow();
  });
});
