import { listSpeakers, observeSpeakersList, type SpeakersListEntry } from '@rapporteur/shared/cockpit';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** The session's speakers list in display order, live. */
export function useSpeakersList(doc: Y.Doc): SpeakersListEntry[] {
  const [list, setList] = useState(() => listSpeakers(doc));
  useEffect(() => {
    setList(listSpeakers(doc));
    return observeSpeakersList(doc, setList);
  }, [doc]);
  return list;
}
