import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { sessionNames } from './sessionNames.ts';

const s = recordSchema;
const block = (id: string, attrs: Record<string, string>, ...body: ReturnType<typeof s.node>[]) =>
  s.node('speakerBlock', { id, ...attrs }, body.length ? body : [s.node('paragraph')]);

describe('sessionNames', () => {
  const doc = s.node('doc', null, [
    block('a', { speaker: 'Malta', kind: 'member-state', onBehalfOf: 'European Union' }),
    block(
      'b',
      { speaker: 'Jan Novak', affiliation: 'Youth RISE', kind: 'civil-society' },
      s.node('actionItem', { id: 'x', owner: 'Secretariat' }, [s.text('Circulate the draft')]),
    ),
    block('c', { speaker: 'Russ' }),
  ]);

  it('lists speakers, affiliations, groups and action owners, most recent first', () => {
    expect(sessionNames(doc).map((n) => `${n.field}:${n.name}`)).toEqual([
      'speaker:Russ',
      'owner:Secretariat',
      'affiliation:Youth RISE',
      'speaker:Jan Novak',
      'onBehalfOf:European Union',
      'speaker:Malta',
    ]);
  });

  it('leaves out the block being typed in', () => {
    expect(sessionNames(doc, 'c').map((n) => n.name)).not.toContain('Russ');
    expect(sessionNames(doc, 'c').find((n) => n.field === 'speaker')).toMatchObject({
      name: 'Jan Novak',
      kind: 'civil-society',
      affiliation: 'Youth RISE',
    });
  });
});
