import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { agendaItemPosition, freshSpeakerAttrs, isBlankSpeakerBlock } from './commands.ts';

const { speakerBlock, paragraph } = recordSchema.nodes as Required<typeof recordSchema.nodes>;
const block = (attrs: Record<string, unknown>, text = '') =>
  speakerBlock!.create(attrs, [paragraph!.create(null, text ? recordSchema.text(text) : null)]);

describe('record commands', () => {
  it('starts a new speaker block now, as a draft with a fresh id', () => {
    const now = new Date('2017-01-24T10:32:00Z');
    const a = freshSpeakerAttrs(now);
    const b = freshSpeakerAttrs(now);
    expect(a).toMatchObject({ speaker: '', kind: 'other', status: 'draft', startedAt: '2017-01-24T10:32:00.000Z' });
    expect(a.id).not.toBe(b.id);
  });

  it('calls a speaker block blank only when nothing was written in header or body', () => {
    expect(isBlankSpeakerBlock(block({ id: 'b' }))).toBe(true);
    expect(isBlankSpeakerBlock(block({ id: 'b', speaker: 'Malta' }))).toBe(false);
    expect(isBlankSpeakerBlock(block({ id: 'b', onBehalfOf: 'European Union' }))).toBe(false);
    expect(isBlankSpeakerBlock(block({ id: 'b' }, 'Thank you, Chair.'))).toBe(false);
    expect(isBlankSpeakerBlock(paragraph!.create())).toBe(false);
  });

  it('puts an agenda item before a blank speaker block and after any other', () => {
    const blank = block({ id: 'b' });
    const written = block({ id: 'c', speaker: 'Malta' }, 'Thank you.');
    expect(agendaItemPosition(blank, 10)).toBe(10);
    expect(agendaItemPosition(written, 10)).toBe(10 + written.nodeSize);
  });
});
