import { describe, expect, it } from 'vitest';
import { recordSchema } from './extensions.ts';

describe('record schema', () => {
  it('has speaker blocks with every header attribute and agenda items, without headings or links', () => {
    const block = recordSchema.nodes.speakerBlock!;
    expect(Object.keys(block.spec.attrs ?? {}).sort()).toEqual(['affiliation', 'id', 'kind', 'onBehalfOf', 'speaker', 'startedAt', 'status']);
    expect(recordSchema.nodes.agendaItem).toBeDefined();
    expect(recordSchema.nodes.heading).toBeUndefined();
    expect(recordSchema.marks.link).toBeUndefined();
  });

  it('accepts paragraphs and lists in a speaker block, and rejects nesting speaker blocks', () => {
    const s = recordSchema;
    const p = s.node('paragraph', null, [s.text('Thank you, Chair.')]);
    const list = s.node('bulletList', null, [s.node('listItem', null, [s.node('paragraph', null, [s.text('item')])])]);
    const block = s.node('speakerBlock', { id: 'b', speaker: 'Malta' }, [p, list]);
    expect(() => block.check()).not.toThrow();
    expect(() => s.node('speakerBlock', { id: 'outer' }, [block]).check()).toThrow();
    expect(() => s.node('doc', null, [s.node('agendaItem', { id: 'a' }, [s.text('Agenda item 3')]), block]).check()).not.toThrow();
  });
});
