/**
 * A long meeting's record: speaker blocks of ten paragraphs each, text taken in turn from the
 * CND intersessional fixture, built to a given number of paragraphs (3,000 of 68 characters make
 * about 380 KB of Yjs state, the size of a long day's minutes).
 */
import { readFileSync } from 'node:fs';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import * as Y from 'yjs';

const FIXTURE = new URL('../../../shared/fixtures/cnd-intersessional-2017-01-24.txt', import.meta.url);

function sentences(): string[] {
  let text: string;
  try {
    text = readFileSync(FIXTURE, 'utf8');
  } catch {
    text = 'The Commission took note of the report. The delegation supported the recommendations.';
  }
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

const PER_BLOCK = 10;

/** Build a record of `paragraphs` paragraphs of about `paragraphChars` characters each. */
export function buildLargeDoc(paragraphs = 3000, paragraphChars = 68): Y.Doc {
  const doc = new Y.Doc();
  const all = sentences();
  let s = 0;
  const nextText = () => {
    let t = '';
    while (t.length < paragraphChars) t += `${all[s++ % all.length]} `;
    return t.slice(0, paragraphChars);
  };
  const fragment = doc.getXmlFragment(RECORD_FIELD);
  doc.transact(() => {
    for (let p = 0; p < paragraphs; p += PER_BLOCK) {
      const block = new Y.XmlElement('speakerBlock');
      fragment.push([block]);
      block.setAttribute('id', `00000000-0000-4000-8000-${String(p).padStart(12, '0')}`);
      block.setAttribute('speaker', `Delegation ${p / PER_BLOCK + 1}`);
      block.setAttribute('kind', 'member-state');
      block.setAttribute('status', 'draft');
      for (let i = 0; i < PER_BLOCK && p + i < paragraphs; i++) {
        const para = new Y.XmlElement('paragraph');
        block.push([para]);
        const text = new Y.XmlText();
        para.push([text]);
        text.insert(0, nextText());
      }
    }
  });
  return doc;
}

/** Number of paragraphs in a record (for checking that a joiner got all of it). */
export function paragraphCount(doc: Y.Doc): number {
  let n = 0;
  for (const block of doc.getXmlFragment(RECORD_FIELD).toArray()) {
    if (block instanceof Y.XmlElement) n += block.nodeName === 'paragraph' ? 1 : block.length;
  }
  return n;
}
