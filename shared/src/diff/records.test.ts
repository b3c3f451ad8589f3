import { describe, expect, it } from 'vitest';
import type { AgendaItemRecord, RecordContent, SpeakerBlockRecord } from '../blocks/types.ts';
import { diffRecords } from './records.ts';
import { sideText } from './words.ts';

function block(id: string, speaker: string, text: string, extra: Partial<SpeakerBlockRecord> = {}): SpeakerBlockRecord {
  return {
    id,
    position: 0,
    agendaItemId: null,
    speaker,
    affiliation: '',
    onBehalfOf: '',
    kind: 'member-state',
    startedAt: '',
    status: 'draft',
    statusBy: '',
    statusAt: '',
    body: [{ type: 'paragraph', text }],
    text,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    ...extra,
  };
}

function record(
  blocks: SpeakerBlockRecord[],
  agendaItems: AgendaItemRecord[] = [],
  loose: string[] = [],
): RecordContent {
  return {
    agendaItems: agendaItems.map((a, position) => ({ ...a, position })),
    blocks: blocks.map((b, position) => ({ ...b, position })),
    loose: loose.map((text) => ({ agendaItemId: null, part: { type: 'paragraph', text } })),
    actions: [],
    decisions: [],
  };
}

const malta = block('b1', 'Malta', 'The EU supports the draft resolution.');
const peru = block('b2', 'Peru', 'We give great importance to this item.');
const chair = block('b3', 'Chair', 'Thank you. I give the floor to Peru.', { kind: 'chair' });

describe('diffRecords', () => {
  it('finds nothing between a record and itself', () => {
    const r = record([malta, peru], [{ id: 'a1', position: 0, title: 'Item 1' }], ['A note']);
    const d = diffRecords(r, r);
    expect(d.blocks.map((b) => [b.id, b.change, b.moved])).toEqual([
      ['b1', 'unchanged', false],
      ['b2', 'unchanged', false],
    ]);
    expect(d.counts.blocks).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2, moved: 0 });
    expect(d.agendaItems[0]!.change).toBe('unchanged');
    expect(d.loose.change).toBe('unchanged');
  });

  it('matches blocks by id into added, removed, changed and unchanged, in reading order', () => {
    const before = record([chair, malta, peru]);
    const after = record([
      chair,
      block('b1', 'Malta', 'The EU opposes the draft resolution.'),
      block('b4', 'Kenya', 'We agree.'),
    ]);
    const d = diffRecords(before, after);
    expect(d.blocks.map((b) => [b.id, b.change])).toEqual([
      ['b3', 'unchanged'],
      ['b1', 'changed'],
      ['b2', 'removed'],
      ['b4', 'added'],
    ]);
    const changed = d.blocks[1]!;
    expect(changed.attributes).toEqual([]);
    expect(changed.text.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: 'supports' },
      { op: 'insert', text: 'opposes' },
    ]);
    expect(d.blocks[2]!.after).toBeNull();
    expect(sideText(d.blocks[2]!.text, 'before')).toBe(peru.text);
    expect(d.blocks[3]!.before).toBeNull();
    expect(d.blocks[3]!.text).toEqual([{ op: 'insert', text: 'We agree.' }]);
    expect(d.counts.blocks).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1, moved: 0 });
  });

  it('places a removed first block first', () => {
    const d = diffRecords(record([chair, malta]), record([malta]));
    expect(d.blocks.map((b) => [b.id, b.change])).toEqual([
      ['b3', 'removed'],
      ['b1', 'unchanged'],
    ]);
  });

  it('reports header attribute changes, including review status', () => {
    const after = block('b1', 'Malta', malta.text, { onBehalfOf: 'European Union', status: 'checked' });
    const d = diffRecords(record([malta]), record([after]));
    expect(d.blocks[0]!.change).toBe('changed');
    expect(d.blocks[0]!.attributes).toEqual([
      { name: 'onBehalfOf', before: '', after: 'European Union' },
      { name: 'status', before: 'draft', after: 'checked' },
    ]);
    expect(d.blocks[0]!.after).toMatchObject({ speaker: 'Malta', status: 'checked' });
  });

  it('marks a block that changed place as moved without calling it changed', () => {
    const d = diffRecords(record([chair, malta, peru]), record([malta, peru, chair]));
    expect(d.blocks.map((b) => [b.id, b.change, b.moved])).toEqual([
      ['b1', 'unchanged', false],
      ['b2', 'unchanged', false],
      ['b3', 'unchanged', true],
    ]);
    expect(d.counts.blocks.moved).toBe(1);
  });

  it('compares agenda items by id, with a word diff of their titles', () => {
    const d = diffRecords(
      record(
        [],
        [
          { id: 'a1', position: 0, title: 'Item 3 (a) of the agenda' },
          { id: 'a2', position: 1, title: 'Other business' },
        ],
      ),
      record(
        [],
        [
          { id: 'a1', position: 0, title: 'Item 3 (b) of the agenda' },
          { id: 'a3', position: 1, title: 'Closing' },
        ],
      ),
    );
    expect(d.agendaItems.map((a) => [a.id, a.change])).toEqual([
      ['a1', 'changed'],
      ['a2', 'removed'],
      ['a3', 'added'],
    ]);
    expect(d.agendaItems[0]!.title).toContainEqual({ op: 'insert', text: 'b' });
  });

  it('compares text outside speaker blocks as one text', () => {
    const d = diffRecords(record([], [], ['Morning session.']), record([], [], ['Afternoon session.']));
    expect(d.loose.change).toBe('changed');
    expect(sideText(d.loose.text, 'after')).toBe('Afternoon session.');
  });
});
