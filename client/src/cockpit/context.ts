import type { Editor } from '@tiptap/core';
import { createContext, useContext } from 'react';
import type { SessionCockpit } from './sessionCockpit.ts';
import type { SuggestSources } from './model/suggest.ts';
import type { TimelineStore } from './model/timeline.ts';

/** What block headers, node views and panels of the cockpit reach through React. */
export interface CockpitValue {
  session: SessionCockpit;
  editor: Editor;
  timeline: TimelineStore;
  /** The session's scheduled start (ISO), or null while unknown. */
  startsAt: string | null;
  readOnly: boolean;
  /** What autocomplete ranks against now; `exceptBlock` is the block being typed in. */
  sources(exceptBlock: string | null): SuggestSources;
  /** Open a block for the next speaker on the list. */
  takeNext(): void;
}

/**
 * The cockpit of the record on screen. Node views render in portals under EditorContent, so a
 * provider above it reaches their headers. Null outside a cockpit: fields fall back to plain inputs.
 */
export const CockpitContext = createContext<CockpitValue | null>(null);

/** The cockpit, or null where there is none. */
export function useCockpit(): CockpitValue | null {
  return useContext(CockpitContext);
}
