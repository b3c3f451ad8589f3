/**
 * Where "next speaker" opens a new speaker block: at the end of the agenda item the cursor is
 * in, that is just before the next agenda item heading after the cursor, or at the end of the
 * document. Trailing empty paragraphs of that item stay after the new block, so the block
 * follows the last thing actually written. Pure: works on a ProseMirror document and a
 * position, and returns JSON the editor inserts (`editor.chain().insertContentAt(pos, node)
 * .setTextSelection(cursor)`).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { newBlockId, oneOf, SPEAKER_KINDS, type SpeakerKind } from '../schema/attributes.ts';

/** The speaker a new block is for (a speakers-list entry or a registry pick fits). */
export interface NextSpeakerInput {
  name: string;
  affiliation?: string;
  onBehalfOf?: string;
  kind?: SpeakerKind | string;
}

/** The speaker block to insert and where. */
export interface NextSpeakerInsertion {
  /** Document position to insert at (between two top-level nodes). */
  pos: number;
  /** The speaker block as ProseMirror JSON, with one empty paragraph. */
  node: {
    type: 'speakerBlock';
    attrs: {
      id: string;
      speaker: string;
      affiliation: string;
      onBehalfOf: string;
      kind: SpeakerKind;
      startedAt: string;
      status: 'draft';
      openedBy: string;
    };
    content: [{ type: 'paragraph' }];
  };
  /** Where to put the cursor afterwards: inside the new block's paragraph. */
  cursor: number;
}

/** Index of the top-level child that contains (or starts at) `pos`. */
function childIndexAt(doc: PMNode, pos: number): number {
  const clamped = Math.max(0, Math.min(pos, doc.content.size));
  let offset = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const end = offset + doc.child(i).nodeSize;
    if (clamped < end) return i;
    offset = end;
  }
  return doc.childCount - 1;
}

/** Where the current agenda item ends: before the next agendaItem after the cursor, or the end. */
export function endOfCurrentItem(doc: PMNode, cursor: number): number {
  const start = childIndexAt(doc, cursor);
  let end = doc.childCount;
  for (let i = start + 1; i < doc.childCount; i++) {
    if (doc.child(i).type.name === 'agendaItem') {
      end = i;
      break;
    }
  }
  // step back over empty paragraphs at the end of the item, but not past the cursor's own node
  while (end - 1 > start && isEmptyParagraph(doc.child(end - 1))) end--;
  let pos = 0;
  for (let i = 0; i < end; i++) pos += doc.child(i).nodeSize;
  return pos;
}

function isEmptyParagraph(node: PMNode): boolean {
  return node.type.name === 'paragraph' && node.content.size === 0;
}

/** The block "next speaker" inserts for `speaker`, and where (see the module comment). */
export function nextSpeakerInsertion(
  doc: PMNode,
  cursor: number,
  speaker: NextSpeakerInput,
  opts: { now?: Date; id?: string; openedBy?: string } = {},
): NextSpeakerInsertion {
  const pos = endOfCurrentItem(doc, cursor);
  return {
    pos,
    node: {
      type: 'speakerBlock',
      attrs: {
        id: opts.id ?? newBlockId(),
        speaker: speaker.name.trim(),
        affiliation: (speaker.affiliation ?? '').trim(),
        onBehalfOf: (speaker.onBehalfOf ?? '').trim(),
        kind: oneOf(SPEAKER_KINDS, speaker.kind, 'other'),
        startedAt: (opts.now ?? new Date()).toISOString(),
        status: 'draft',
        openedBy: opts.openedBy ?? '',
      },
      content: [{ type: 'paragraph' }],
    },
    // +1 enters the speaker block, +1 the paragraph inside it
    cursor: pos + 2,
  };
}
