import { mergeAttributes, Node } from '@tiptap/core';
import { idAttribute } from './actionItem.ts';

/**
 * A decision taken by the meeting, the W3C minutes' "RESOLUTION:" line: inline text, inside a
 * speaker block (the chair announcing it) or under an agenda item. Exports summarise them.
 */
export const Decision = Node.create({
  name: 'decision',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return { id: idAttribute };
  },

  parseHTML() {
    return [{ tag: 'div[data-decision]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-decision': '' }), 0];
  },
});
