import { mergeAttributes, Node } from '@tiptap/core';
import { BLOCK_STATUSES, newBlockId, oneOf, SPEAKER_KINDS } from './attributes.ts';

/** Attribute spec shared by parseHTML/renderHTML: each attr maps to a data-* attribute. */
function dataAttr(name: string, fallback: string | null) {
  return {
    default: fallback,
    parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? fallback,
    renderHTML: (attrs: Record<string, unknown>) => {
      const v = attrs[name];
      return v === null || v === undefined || v === '' ? {} : { [`data-${name}`]: String(v) };
    },
  };
}

/**
 * One speaker's statement: a header held in attributes (speaker, affiliation, on behalf of,
 * kind, start time, review status) and a body of paragraphs, lists, action items and decisions.
 * Isolating, so editing commands never merge two speakers' statements by accident.
 */
export const SpeakerBlock = Node.create({
  name: 'speakerBlock',
  group: 'block',
  content: '(paragraph | bulletList | orderedList | actionItem | decision)+',
  defining: true,
  isolating: true,
  draggable: false,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-id') ?? newBlockId(),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': String(attrs.id) } : {}),
      },
      speaker: dataAttr('speaker', ''),
      affiliation: dataAttr('affiliation', ''),
      onBehalfOf: dataAttr('on-behalf-of', ''),
      kind: {
        ...dataAttr('kind', 'other'),
        parseHTML: (el: HTMLElement) => oneOf(SPEAKER_KINDS, el.getAttribute('data-kind'), 'other'),
      },
      startedAt: dataAttr('started-at', ''),
      /** Who set the review status (checked/final), and when (ISO); only editors may. */
      statusBy: dataAttr('status-by', ''),
      statusAt: dataAttr('status-at', ''),
      /**
       * The awareness client id of the note-taker who opened the block ("next speaker"): the
       * block is theirs, so another note-taker's "next speaker" never reuses or enters it.
       */
      openedBy: dataAttr('opened-by', ''),
      /**
       * Who changed the block after its review (checked, or the session in review), and when;
       * set by the server, cleared by an editor's next review of the block.
       */
      changedBy: dataAttr('changed-by', ''),
      changedAt: dataAttr('changed-at', ''),
      status: {
        ...dataAttr('status', 'draft'),
        parseHTML: (el: HTMLElement) => oneOf(BLOCK_STATUSES, el.getAttribute('data-status'), 'draft'),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-speaker-block]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-speaker-block': '' }), 0];
  },
});
