import { recordSchema } from '@rapporteur/shared/schema';
import { describe, expect, it } from 'vitest';
import { renderOnlyOnHeaderChange } from './nodeViewUpdate.ts';

const schema = recordSchema;
const block = (speaker: string, text: string) =>
  schema.nodes.speakerBlock!.create({ id: 'b1', speaker }, schema.nodes.paragraph!.create(null, schema.text(text)));

describe('renderOnlyOnHeaderChange', () => {
  it('keeps the header as it is while only the statement changes', () => {
    let renders = 0;
    const accepted = renderOnlyOnHeaderChange({
      oldNode: block('Malta', 'On behalf'),
      newNode: block('Malta', 'On behalf of the EU'),
      updateProps: () => renders++,
    });
    expect(accepted).toBe(true);
    expect(renders).toBe(0);
  });

  it('renders the header again when an attribute changes', () => {
    let renders = 0;
    renderOnlyOnHeaderChange({
      oldNode: block('Malta', 'x'),
      newNode: block('Peru', 'x'),
      updateProps: () => renders++,
    });
    expect(renders).toBe(1);
  });

  it('refuses a node of another type, so ProseMirror redraws it', () => {
    const other = schema.nodes.paragraph!.create();
    expect(renderOnlyOnHeaderChange({ oldNode: block('Malta', 'x'), newNode: other, updateProps: () => {} })).toBe(
      false,
    );
  });
});
