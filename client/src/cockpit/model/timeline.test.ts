import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { nextStarts, TimelineStore } from './timeline.ts';

const s = recordSchema;
const block = (id: string, startedAt: string, text = '') =>
  s.node('speakerBlock', { id, startedAt }, [s.node('paragraph', null, text ? [s.text(text)] : [])]);

/** Enough of an editor for the store: its document and its update event. */
function fakeEditor(doc: PMNode) {
  let onUpdate = () => {};
  const editor = {
    state: { doc },
    on: (_: string, fn: () => void) => {
      onUpdate = fn;
    },
    off: () => {},
  };
  return {
    editor: editor as unknown as Editor,
    change(next: PMNode) {
      editor.state.doc = next;
      onUpdate();
    },
  };
}

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

  it('notifies its subscribers when a start or the order changes, not when someone types', () => {
    const t0 = '2017-01-24T10:00:00Z';
    const t1 = '2017-01-24T10:04:10Z';
    const { editor, change } = fakeEditor(s.node('doc', null, [block('a', t0), block('b', t1)]));
    const store = new TimelineStore(editor);
    let notified = 0;
    store.subscribe(() => notified++);
    change(s.node('doc', null, [block('a', t0, 'We support'), block('b', t1)]));
    change(s.node('doc', null, [block('a', t0, 'We support the draft.'), block('b', t1, 'Thank you')]));
    expect(notified).toBe(0);
    change(s.node('doc', null, [block('a', t0, 'We support the draft.'), block('b', '2017-01-24T10:05:00Z')]));
    expect(notified).toBe(1);
    expect(store.nextStartOf('a')).toBe('2017-01-24T10:05:00Z');
    change(s.node('doc', null, [block('b', t1), block('a', t0)]));
    expect(notified).toBe(2);
  });
});
