import { recordSchema } from '@rapporteur/shared/schema';
import type { NodeViewRenderer, NodeViewRendererProps } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { bindViewsToBlocks } from './blockIdentity.ts';

const { speakerBlock, paragraph } = recordSchema.nodes as Required<typeof recordSchema.nodes>;
const block = (id: string, speaker = '') => speakerBlock!.create({ id, speaker }, [paragraph!.create()]);

describe('node views bound to their block', () => {
  it("refuses to become another block's view, before the inner view records anything", () => {
    const seen: string[] = [];
    const render: NodeViewRenderer = () => ({
      dom: {} as HTMLElement, // no DOM needed here
      update(node) {
        seen.push(String(node.attrs.id));
        return true;
      },
    });
    const view = bindViewsToBlocks(render)({ node: block('ana') } as unknown as NodeViewRendererProps);
    expect(view.update?.(block('ben'), [], undefined as never)).toBe(false);
    expect(view.update?.(block('ana', 'Argentina'), [], undefined as never)).toBe(true);
    expect(seen).toEqual(['ana']); // the inner view never saw Ben's block
  });
});
