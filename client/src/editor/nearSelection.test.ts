import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { nearDecorations } from './nearSelection.ts';

const schema = recordSchema;
const doc = (blocks: number) =>
  schema.nodes.doc!.create(
    null,
    Array.from({ length: blocks }, (_, i) =>
      schema.nodes.speakerBlock!.create({ id: `b${i}` }, schema.nodes.paragraph!.create(null, schema.text(`s${i}`))),
    ),
  );

/** Indexes of the top-level nodes the decorations mark. */
function marked(d: ReturnType<typeof doc>, index: number, radius: number): number[] {
  const set = nearDecorations(d, index, radius);
  const out: number[] = [];
  let pos = 0;
  d.forEach((child, _offset, i) => {
    if (set.find(pos, pos + child.nodeSize).some((x) => x.from === pos && x.to === pos + child.nodeSize)) out.push(i);
    pos += child.nodeSize;
  });
  return out;
}

describe('nearDecorations', () => {
  it('marks the node holding the selection and its neighbours within the radius', () => {
    expect(marked(doc(20), 10, 2)).toEqual([8, 9, 10, 11, 12]);
  });

  it('stops at both ends of the record', () => {
    expect(marked(doc(5), 0, 3)).toEqual([0, 1, 2, 3]);
    expect(marked(doc(5), 4, 3)).toEqual([1, 2, 3, 4]);
  });
});
