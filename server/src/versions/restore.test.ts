import { extractRecord } from '@rapporteur/shared/blocks';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentHash } from './capture.ts';
import { RESTORE_ORIGIN, restoreRecord } from './restore.ts';

/** A speaker block with one paragraph; returns the block and its text node. */
function addBlock(doc: Y.Doc, id: string, speaker: string, text: string): { block: Y.XmlElement; text: Y.XmlText } {
  const block = new Y.XmlElement('speakerBlock');
  const para = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  doc.transact(() => {
    doc.getXmlFragment(RECORD_FIELD).push([block]);
    block.setAttribute('id', id);
    block.setAttribute('speaker', speaker);
    block.setAttribute('status', 'draft');
    block.push([para]);
    para.push([t]);
    t.insert(0, text);
  });
  return { block, text: t };
}

const xml = (doc: Y.Doc) => doc.getXmlFragment(RECORD_FIELD).toString();
const copyOf = (doc: Y.Doc) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
};

describe('restoreRecord', () => {
  it('makes the live record equal to the version, keeping formatting and block ids', () => {
    const live = new Y.Doc();
    const malta = addBlock(live, 'b1', 'Malta', 'The EU supports the draft.');
    malta.text.format(7, 8, { bold: {} });
    const version = copyOf(live);

    malta.text.delete(7, 8);
    malta.text.insert(7, 'opposes');
    malta.block.setAttribute('status', 'checked');
    addBlock(live, 'b2', 'Peru', 'A later statement.');
    expect(xml(live)).not.toBe(xml(version));

    restoreRecord(live, version);
    expect(xml(live)).toBe(xml(version));
    expect(xml(live)).toContain('<bold>supports</bold>');
    expect(extractRecord(live).blocks.map((b) => [b.id, b.status])).toEqual([['b1', 'draft']]);
    expect(contentHash(live)).toBe(contentHash(version));
  });

  it('leaves unchanged blocks untouched, so concurrent work in them survives', () => {
    const live = new Y.Doc();
    const chair = addBlock(live, 'b0', 'Chair', 'I give the floor to Malta.');
    addBlock(live, 'b1', 'Malta', 'Original text.');
    const version = copyOf(live);
    (live.getXmlFragment(RECORD_FIELD).get(1) as Y.XmlElement).setAttribute('speaker', 'Malta (EU)');

    const outcome = restoreRecord(live, version);
    expect(outcome).toEqual({ kept: 1, removed: 1, inserted: 1 });
    expect(live.getXmlFragment(RECORD_FIELD).get(0)).toBe(chair.block); // the same Yjs node
    expect(xml(live)).toBe(xml(version));
  });

  it('is one new change on top: state vectors only grow, and a peer converges from the update', () => {
    const live = new Y.Doc();
    addBlock(live, 'b1', 'Malta', 'First.');
    const version = copyOf(live);
    addBlock(live, 'b2', 'Peru', 'Second.');
    const peer = copyOf(live);
    const svBefore = Y.decodeStateVector(Y.encodeStateVector(live));

    const updates: { update: Uint8Array; origin: unknown }[] = [];
    live.on('update', (update: Uint8Array, origin: unknown) => updates.push({ update, origin }));
    restoreRecord(live, version);

    expect(updates).toHaveLength(1);
    expect(updates[0]!.origin).toBe(RESTORE_ORIGIN);
    const svAfter = Y.decodeStateVector(Y.encodeStateVector(live));
    for (const [client, clock] of svBefore) expect(svAfter.get(client)).toBeGreaterThanOrEqual(clock);
    Y.applyUpdate(peer, updates[0]!.update);
    expect(xml(peer)).toBe(xml(version));
  });

  it('restores an empty version by emptying the record, and is a no-op when already equal', () => {
    const live = new Y.Doc();
    const empty = new Y.Doc();
    addBlock(live, 'b1', 'Malta', 'Text.');
    const same = copyOf(live);
    expect(restoreRecord(live, same)).toEqual({ kept: 1, removed: 0, inserted: 0 });
    restoreRecord(live, empty);
    expect(live.getXmlFragment(RECORD_FIELD).length).toBe(0);
  });
});
