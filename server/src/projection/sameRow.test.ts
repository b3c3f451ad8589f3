import { describe, expect, it } from 'vitest';
import type { BlockRow } from './rows.ts';
import { sameRow } from './store.ts';

const row: BlockRow = {
  blockId: 'b1',
  position: 0,
  agendaItemId: null,
  speaker: 'Malta',
  affiliation: '',
  onBehalfOf: '',
  kind: 'state',
  startedAt: '',
  startedTs: null,
  status: 'draft',
  statusBy: '',
  statusAt: '',
  text: 'We support the draft.',
  wordCount: 4,
};

describe('sameRow', () => {
  it('is true for equal values held by different objects, false for any changed field or none before', () => {
    expect(sameRow(row, { ...row, text: `We support ${'the draft.'}` })).toBe(true);
    expect(sameRow(row, { ...row, text: 'We support the draft!' })).toBe(false);
    expect(sameRow(row, { ...row, position: 1 })).toBe(false);
    expect(sameRow(row, { ...row, agendaItemId: 'i1' })).toBe(false);
    expect(sameRow(row, { ...row, startedTs: '2017-01-24T10:00:00.000Z' })).toBe(false);
    expect(sameRow(row, undefined)).toBe(false);
  });
});
