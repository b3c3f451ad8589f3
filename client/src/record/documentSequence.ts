import { bodyPartOf } from '@rapporteur/shared/blocks';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import * as Y from 'yjs';
import type { NodeKind } from './readingOrder.ts';

/**
 * The kind of each top-level node that extractRecord keeps, in document order: agenda items,
 * speaker blocks, and any other element it reads as loose text (the same test it applies).
 */
export function documentSequence(doc: Y.Doc): NodeKind[] {
  const kinds: NodeKind[] = [];
  for (const node of doc.getXmlFragment(RECORD_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (node.nodeName === 'agendaItem') kinds.push('agenda');
    else if (node.nodeName === 'speakerBlock') kinds.push('block');
    else if (bodyPartOf(node)) kinds.push('loose');
  }
  return kinds;
}
