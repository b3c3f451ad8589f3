import { mergeAttributes, Node } from '@tiptap/core';
import { newBlockId } from './attributes.ts';

/** Attribute spec read from and written to a data-* attribute. */
function dataAttr(name: string) {
  return {
    default: '',
    parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => {
      const v = attrs[name];
      return typeof v === 'string' && v !== '' ? { [`data-${name}`]: v } : {};
    },
  };
}

/** The id attribute every record node carries: kept from HTML, or a fresh one. */
export const idAttribute = {
  default: null,
  parseHTML: (el: HTMLElement) => el.getAttribute('data-id') ?? newBlockId(),
  renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': String(attrs.id) } : {}),
};

/**
 * An action item, the W3C minutes' "ACTION:" line: who (owner) does what (the inline text) by
 * when (due, an ISO date or ''). It stands inside a speaker block's body or on its own under an
 * agenda item, and exports list every one of them in a closing summary.
 */
export const ActionItem = Node.create({
  name: 'actionItem',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return { id: idAttribute, owner: dataAttr('owner'), due: dataAttr('due') };
  },

  parseHTML() {
    return [{ tag: 'div[data-action-item]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-action-item': '' }), 0];
  },
});
