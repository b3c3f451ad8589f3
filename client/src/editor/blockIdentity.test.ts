import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { contentKey, identityDecorations } from './blockIdentity.ts';

const schema = recordSchema;
const block = (id: string, ...paragraphs: string[]) =>
  schema.nodes.speakerBlock!.create(
    { id },
    paragraphs.map((p) => schema.nodes.paragraph!.create(null, p ? schema.text(p) : null)),
  );
const docOf = (...blocks: ReturnType<typeof block>[]) => schema.nodes.doc!.create(null, blocks);

/** The block ids the decorations name. */
const decorated = (doc: ReturnType<typeof docOf>) =>
  identityDecorations(doc)
    .find()
    .map((d) => (d.spec as { blockId: string }).blockId);

describe('block identity decorations', () => {
  it('name only the blocks whose content another block shares (the empty new statements)', () => {
    const many = Array.from({ length: 200 }, (_, i) => block(`b${i}`, `Statement number ${i}.`));
    const doc = docOf(...many.slice(0, 100), block('ana', ''), ...many.slice(100), block('ben', ''));
    expect(decorated(doc)).toEqual(['ana', 'ben']);
  });

  it('name blocks of equal text, and none when every content differs', () => {
    expect(
      decorated(docOf(block('a', 'Thank you, Chair.'), block('b', 'Thank you, Chair.'), block('c', 'No.'))),
    ).toEqual(['a', 'b']);
    expect(decorated(docOf(block('a', 'One.'), block('b', ''), block('c', 'Two.')))).toEqual([]);
  });

  it('keys equal contents equally and different texts apart', () => {
    expect(contentKey(block('x', 'Same.'))).toBe(contentKey(block('y', 'Same.')));
    expect(contentKey(block('x', 'Same.'))).not.toBe(contentKey(block('x', 'Same!')));
  });
});
