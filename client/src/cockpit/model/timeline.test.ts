import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { nextStarts } from './timeline.ts';

const s = recordSchema;
const block = (id: string, startedAt: string) => s.node('speakerBlock', { id, startedAt }, [s.node('paragraph')]);

describe('nextStarts', () => {
  it("gives each block the next block's start, skipping headings and loose text, and '' to the last", () => {
    const doc = s.node('doc', null, [
      block('a', '2017-01-24T10:00:00Z'),
      s.node('agendaItem', { id: 'i' }, [s.text('Item 4')]),
      s.node('paragraph', null, [s.text('Loose note')]),
      block('b', '2017-01-24T10:04:10Z'),
      block('c', ''),
    ]);
    expect([...nextStarts(doc)]).toEqual([
      ['a', '2017-01-24T10:04:10Z'],
      ['b', ''],
      ['c', ''],
    ]);
  });
});
