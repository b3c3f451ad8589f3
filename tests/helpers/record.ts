/** Build and edit record documents directly on a Y.Doc, as the editor would. */
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import * as Y from 'yjs';

/** Append a speaker block with one paragraph; returns the paragraph's text node. */
export function appendSpeakerBlock(
  doc: Y.Doc,
  attrs: { id?: string; speaker: string; affiliation?: string },
  text = '',
): Y.XmlText {
  const block = new Y.XmlElement('speakerBlock');
  const para = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  doc.transact(() => {
    block.setAttribute('id', attrs.id ?? crypto.randomUUID());
    block.setAttribute('speaker', attrs.speaker);
    block.setAttribute('affiliation', attrs.affiliation ?? '');
    block.setAttribute('onBehalfOf', '');
    block.setAttribute('kind', 'member-state');
    block.setAttribute('startedAt', new Date().toISOString());
    block.setAttribute('status', 'draft');
    doc.getXmlFragment(RECORD_FIELD).push([block]);
    block.push([para]);
    para.push([t]);
    if (text) t.insert(0, text);
  });
  return t;
}

/** The text node of the first paragraph of the n-th speaker block. */
export function blockText(doc: Y.Doc, n: number): Y.XmlText {
  const blocks = doc
    .getXmlFragment(RECORD_FIELD)
    .toArray()
    .filter((e): e is Y.XmlElement => e instanceof Y.XmlElement && e.nodeName === 'speakerBlock');
  const para = blocks[n]!.get(0) as Y.XmlElement;
  return para.get(0) as Y.XmlText;
}

/** The whole record as a string, for equality checks between replicas. */
export function recordString(doc: Y.Doc): string {
  return doc.getXmlFragment(RECORD_FIELD).toString();
}

/** Type `text` one character per transaction at the end of `target`, as a note-taker would. */
export async function typeChars(target: Y.XmlText, text: string, delayMs = 0): Promise<void> {
  for (const ch of text) {
    target.insert(target.length, ch);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  }
}
