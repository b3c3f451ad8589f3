import { claimOf } from '@rapporteur/shared/cockpit';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** The speaker of block `blockId` as the document names it ('' when unnamed or gone). */
export function blockSpeaker(doc: Y.Doc, blockId: string): string {
  for (const node of doc.getXmlFragment(RECORD_FIELD).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'speakerBlock' && node.getAttribute('id') === blockId) {
      const speaker = node.getAttribute('speaker');
      return typeof speaker === 'string' ? speaker.trim() : '';
    }
  }
  return '';
}

function readNote(awareness: Awareness, clientId: number): string {
  const claim = claimOf(awareness.getStates() as Map<number, Record<string, unknown>>, clientId);
  if (!claim) return '';
  return `minuting ${blockSpeaker(awareness.doc, claim.blockId) || 'a new block'}`;
}

/**
 * "minuting Brazil" beside a person in the presence list. It follows the awareness and the document
 * itself: the list re-renders only when people come, go or rename, and claims change more often.
 */
export function ClaimNote({ awareness, clientId }: { awareness: Awareness; clientId: number }) {
  const [note, setNote] = useState(() => readNote(awareness, clientId));
  useEffect(() => {
    const update = () => setNote(readNote(awareness, clientId));
    update();
    awareness.on('change', update);
    // the block may arrive (or be named) after the claim
    awareness.doc.on('update', update);
    return () => {
      awareness.off('change', update);
      awareness.doc.off('update', update);
    };
  }, [awareness, clientId]);
  return note ? (
    <span className="claim-note" data-testid="claim-note">
      · {note}
    </span>
  ) : null;
}
