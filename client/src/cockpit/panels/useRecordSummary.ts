import { extractRecord, type RecordContent } from '@rapporteur/shared/blocks';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** Actions and decisions of the record (with the speaker of each one's block and its agenda item), and block headers. */
export interface RecordSummary {
  actions: RecordContent['actions'];
  decisions: RecordContent['decisions'];
  speakerOf: ReadonlyMap<string, string>;
  agendaTitleOf: ReadonlyMap<string, string>;
  /** The speaker blocks' headers, in order (for names the registry does not know). */
  headers: readonly Pick<RecordContent['blocks'][number], 'id' | 'speaker' | 'affiliation' | 'onBehalfOf' | 'kind'>[];
}

/** Quiet time after the last change before the summary is read again (a burst of typing is one read). */
const SETTLE_MS = 250;

function summarise(doc: Y.Doc): RecordSummary {
  const record = extractRecord(doc);
  return {
    actions: record.actions,
    decisions: record.decisions,
    speakerOf: new Map(record.blocks.map((b) => [b.id, b.speaker])),
    agendaTitleOf: new Map(record.agendaItems.map((a) => [a.id, a.title])),
    headers: record.blocks.map(({ id, speaker, affiliation, onBehalfOf, kind }) => ({
      id,
      speaker,
      affiliation,
      onBehalfOf,
      kind,
    })),
  };
}

/** The summary of `doc`, kept current as anyone edits. */
export function useRecordSummary(doc: Y.Doc): RecordSummary {
  const [summary, setSummary] = useState(() => summarise(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setSummary(summarise(doc)), SETTLE_MS);
    };
    setSummary(summarise(doc));
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc]);
  return summary;
}
