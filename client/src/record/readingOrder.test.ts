import { describe, expect, it } from 'vitest';
import { type ReadableBlock, type ReadableRecord, readingOrder } from './readingOrder.ts';

const block = (id: string, agendaItemId: string | null): ReadableBlock => ({
  id,
  agendaItemId,
  speaker: id,
  affiliation: '',
  onBehalfOf: '',
  kind: 'other',
  startedAt: '',
  status: 'draft',
  body: [],
});

const record: ReadableRecord = {
  agendaItems: [{ id: 'a1', position: 0, title: 'Item 1' }],
  blocks: [block('b0', null), block('b1', 'a1'), block('b2', 'a1')],
  loose: [
    { agendaItemId: null, part: { type: 'paragraph', text: 'Opening' } },
    { agendaItemId: 'a1', part: { type: 'paragraph', text: 'Between' } },
  ],
};

const keys = (r: ReturnType<typeof readingOrder>) => r.map((e) => e.key);

describe('reading order', () => {
  it('follows the document when its sequence of kinds is known', () => {
    const order = readingOrder(record, ['block', 'loose', 'agenda', 'block', 'loose', 'block']);
    expect(keys(order)).toEqual(['b:b0', 'l:0', 'a:a1', 'b:b1', 'l:1', 'b:b2']);
  });

  it('falls back to sections (loose text, then blocks) without a sequence or with one that does not fit', () => {
    const expected = ['l:0', 'b:b0', 'a:a1', 'l:1', 'b:b1', 'b:b2'];
    expect(keys(readingOrder(record))).toEqual(expected);
    expect(keys(readingOrder(record, ['block', 'block']))).toEqual(expected);
  });
});
