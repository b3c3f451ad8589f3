import { mergeAttributes, Node } from '@tiptap/core';
import { newBlockId } from './attributes.ts';

/** A heading for an agenda item or a part of the meeting ("MORNING SESSION"). */
export const AgendaItem = Node.create({
  name: 'agendaItem',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-id') ?? newBlockId(),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': String(attrs.id) } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'h2[data-agenda-item]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes, { 'data-agenda-item': '' }), 0];
  },
});
