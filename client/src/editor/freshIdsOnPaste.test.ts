import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { withFreshIds } from './freshIdsOnPaste.ts';

const block = (id: string, text: string) =>
  recordSchema.nodes.speakerBlock!.create({ id, speaker: 'Malta', kind: 'member-state' }, [
    recordSchema.nodes.paragraph!.create(null, recordSchema.text(text)),
  ]);

describe('fresh ids on paste', () => {
  it('gives every pasted speaker block and agenda item a new id and keeps everything else', () => {
    const heading = recordSchema.nodes.agendaItem!.create({ id: 'a1' }, recordSchema.text('Item 5'));
    const original = recordSchema.nodes.doc!.create(null, [
      heading,
      block('b1', 'Thank you, Chair.'),
      block('b1', 'Copy.'),
    ]);
    let n = 0;
    const fresh = withFreshIds(original.content, () => `new-${++n}`);

    const ids: unknown[] = [];
    fresh.forEach((node) => {
      ids.push(node.attrs.id);
    });
    expect(ids).toEqual(['new-1', 'new-2', 'new-3']);
    expect(fresh.child(1).attrs.speaker).toBe('Malta');
    expect(fresh.child(1).attrs.kind).toBe('member-state');
    expect(fresh.child(1).textContent).toBe('Thank you, Chair.');
    expect(fresh.child(0).textContent).toBe('Item 5');
  });

  it('starts pasted blocks over as drafts', () => {
    const checked = recordSchema.nodes.speakerBlock!.create({ id: 'b1', status: 'final' }, [
      recordSchema.nodes.paragraph!.create(null, recordSchema.text('Reviewed.')),
    ]);
    const fresh = withFreshIds(recordSchema.nodes.doc!.create(null, [checked]).content, () => 'x');
    expect(fresh.child(0).attrs.status).toBe('draft');
  });

  it('leaves content without blocks as it was', () => {
    const p = recordSchema.nodes.paragraph!.create(null, recordSchema.text('plain'));
    const fresh = withFreshIds(recordSchema.nodes.doc!.create(null, [p]).content, () => 'x');
    expect(fresh.child(0).eq(p)).toBe(true);
  });
});
