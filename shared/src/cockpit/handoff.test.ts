import { describe, expect, it } from 'vitest';
import { recordSchema } from '../schema/extensions.ts';
import { handOffPosition, isBlankSpeakerBlock, mayReuseBlank, openedByOther } from './handoff.ts';

const { speakerBlock, paragraph, agendaItem, doc } = recordSchema.nodes as Required<typeof recordSchema.nodes>;
const block = (attrs: Record<string, unknown>, text = '') =>
  speakerBlock!.create(attrs, [paragraph!.create(null, text ? recordSchema.text(text) : null)]);
const NOW = Date.parse('2017-01-24T10:30:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

describe('hand-off rules', () => {
  it('calls a speaker block blank only when nothing was written in header or body', () => {
    expect(isBlankSpeakerBlock(block({ id: 'b' }))).toBe(true);
    expect(isBlankSpeakerBlock(block({ id: 'b', speaker: 'Malta' }))).toBe(false);
    expect(isBlankSpeakerBlock(block({ id: 'b' }, 'Thank you, Chair.'))).toBe(false);
    expect(isBlankSpeakerBlock(paragraph!.create())).toBe(false);
  });

  it('reuses a blank block only when it is yours, unowned, or its opener has left', () => {
    const present = new Set([1, 2]);
    expect(mayReuseBlank(block({ id: 'b', openedBy: '' }), 1, present)).toBe(true);
    expect(mayReuseBlank(block({ id: 'b', openedBy: '1' }), 1, present)).toBe(true);
    expect(mayReuseBlank(block({ id: 'b', openedBy: '3' }), 1, present)).toBe(true); // 3 left
    expect(mayReuseBlank(block({ id: 'b', openedBy: '2' }), 1, present)).toBe(false);
    expect(openedByOther(block({ id: 'b', openedBy: '2' }), 1, present)).toBe(true);
    expect(mayReuseBlank(block({ id: 'b', openedBy: '1', speaker: 'Peru' }), 1, present)).toBe(false);
  });

  it('goes after the current block and after blocks others opened just before, not after older ones', () => {
    const chair = block({ id: 'chair', openedBy: '1', startedAt: ago(300) }, 'The floor is open.');
    const anas = block({ id: 'ana', openedBy: '2', startedAt: ago(1) });
    const carlos = block({ id: 'carlos', openedBy: '3', startedAt: ago(5) }, 'Colombia');
    const older = block({ id: 'old', openedBy: '2', startedAt: ago(600) }, 'Earlier');
    const mine = block({ id: 'mine', openedBy: '1', startedAt: ago(2) });
    const d = doc!.create(null, [chair, anas, carlos, older]);
    // Ben (1) in the chair's block: after Ana's and Carlos's fresh blocks, before the old one
    expect(handOffPosition(d, 0, 1, NOW)).toBe(chair.nodeSize + anas.nodeSize + carlos.nodeSize);
    // his own fresh block is not skipped
    const d2 = doc!.create(null, [chair, mine, anas]);
    expect(handOffPosition(d2, 0, 1, NOW)).toBe(chair.nodeSize);
    // an agenda item stops the run
    const d3 = doc!.create(null, [chair, agendaItem!.create({ id: 'a' }, recordSchema.text('Item 5')), anas]);
    expect(handOffPosition(d3, 0, 1, NOW)).toBe(chair.nodeSize);
    // from the last block: the end
    expect(handOffPosition(d, d.content.size - older.nodeSize, 1, NOW)).toBe(d.content.size);
  });
});
