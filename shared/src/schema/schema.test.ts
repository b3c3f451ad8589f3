import { describe, expect, it } from 'vitest';
import { recordSchema } from './extensions.ts';

describe('record schema', () => {
  it('has speaker blocks with every header attribute and agenda items, without headings or links', () => {
    const block = recordSchema.nodes.speakerBlock!;
    expect(Object.keys(block.spec.attrs ?? {}).sort()).toEqual([
      'affiliation',
      'changedAt',
      'changedBy',
      'id',
      'kind',
      'onBehalfOf',
      'openedBy',
      'speaker',
      'startedAt',
      'status',
      'statusAt',
      'statusBy',
    ]);
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
    expect(() =>
      s.node('doc', null, [s.node('agendaItem', { id: 'a' }, [s.text('Agenda item 3')]), block]).check(),
    ).not.toThrow();
  });
});

describe('action items and decisions', () => {
  const s = recordSchema;
  const action = (text: string) =>
    s.node('actionItem', { id: 'a1', owner: 'Secretariat', due: '2017-02-01' }, text ? [s.text(text)] : []);
  const decision = (text: string) => s.node('decision', { id: 'd1' }, [s.text(text)]);

  it('carry an id, and an action item its owner and due date', () => {
    expect(Object.keys(s.nodes.actionItem!.spec.attrs ?? {}).sort()).toEqual(['due', 'id', 'owner']);
    expect(Object.keys(s.nodes.decision!.spec.attrs ?? {})).toEqual(['id']);
    expect(s.node('actionItem').attrs).toEqual({ id: null, owner: '', due: '' });
  });

  it('stand inside a speaker block body and at the top level under an agenda item', () => {
    const block = s.node('speakerBlock', { id: 'b' }, [
      s.node('paragraph', null, [s.text('We agree.')]),
      action('Circulate the draft'),
      decision('The report is adopted.'),
    ]);
    expect(() => block.check()).not.toThrow();
    const doc = s.node('doc', null, [
      s.node('agendaItem', { id: 'i' }, [s.text('Item 3')]),
      action('Follow up'),
      decision('Adopted'),
      block,
    ]);
    expect(() => doc.check()).not.toThrow();
    // a speaker block may start with an action item (the chair announcing one)
    expect(() => s.node('speakerBlock', { id: 'c' }, [action('x')]).check()).not.toThrow();
  });

  it('hold inline text only, never blocks or other speaker blocks', () => {
    expect(() => s.node('actionItem', { id: 'a' }, [s.node('paragraph')]).check()).toThrow();
    expect(() =>
      s.node('decision', { id: 'd' }, [s.node('speakerBlock', { id: 'b' }, [s.node('paragraph')])]).check(),
    ).toThrow();
  });
});
