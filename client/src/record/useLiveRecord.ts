import { extractRecord, type RecordContent } from '@rapporteur/shared/blocks';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { NodeKind } from './readingOrder.ts';
import { documentSequence } from './documentSequence.ts';

/** How often at most the observer view re-reads the document while people type. */
export const LIVE_RENDER_INTERVAL_MS = 250;

/** The record extracted from a live document, and its sequence of kinds. */
export interface LiveRecord {
  record: RecordContent;
  sequence: NodeKind[];
}

const read = (doc: Y.Doc): LiveRecord => ({ record: extractRecord(doc), sequence: documentSequence(doc) });

/**
 * The document's record, re-extracted as it changes, at most once per interval: a room of ten
 * note-takers sends dozens of updates a second, and a phone should not re-render for each one.
 * The first change after a quiet spell shows at once; a burst is read again at its end.
 */
export function useLiveRecord(doc: Y.Doc): LiveRecord {
  const [live, setLive] = useState<LiveRecord>(() => read(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dirty = false;
    const flush = () => {
      timer = null;
      if (!dirty) return;
      dirty = false;
      setLive(read(doc));
      timer = setTimeout(flush, LIVE_RENDER_INTERVAL_MS);
    };
    const onUpdate = () => {
      dirty = true;
      if (timer === null) flush();
    };
    setLive(read(doc));
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc]);
  return live;
}
