import type { Editor } from '@tiptap/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import type { CollabSession } from '../editor/collabSession.ts';
import { CockpitNotice } from './panels/CockpitNotice.tsx';
import { CockpitPanel } from './panels/CockpitPanel.tsx';
import { CockpitContext, type CockpitValue } from './context.ts';
import { OfflineBanner } from './offline/OfflineBanner.tsx';
import { keepShellOffline } from './offline/offlineShell.ts';
import { sessionCockpit } from './sessionCockpit.ts';
import { sessionNames } from './model/sessionNames.ts';
import { takeNextSpeaker } from './extensions/takeNextSpeaker.ts';
import { timelineOf } from './model/timeline.ts';
import { useOfflineSocket } from './offline/useOfflineSocket.ts';
import { useSessionStart } from './useSessionStart.ts';
// the cockpit's stylesheets, in cascade order (each folder's beside its components)
import './fields/fields.css';
import './cockpit.css';
import './markers/markers.css';
import './offline/offline.css';
import './panels/panels.css';

/** Props of the cockpit around the record editor. */
export interface CockpitProps {
  editor: Editor;
  collab: CollabSession;
  readOnly: boolean;
  /** The record (EditorContent): block headers inside it reach the cockpit through context. */
  children: ReactNode;
}

/**
 * The note-taker's cockpit around the record: the offline banner above it, the side panel
 * (speakers list, actions and decisions) beside it, and, through context, autocomplete, claims
 * and the meeting clock in every block header.
 */
export function Cockpit({ editor, collab, readOnly, children }: CockpitProps) {
  const session = sessionCockpit(collab);
  const startsAt = useSessionStart(collab.sessionId);
  // block headers outside React read it from the store; set here, before they first render
  session.startsAt.set(startsAt);
  // lives as long as the editor; it only listens to that editor's events
  const timeline = timelineOf(editor);

  useEffect(() => {
    const ctl = new AbortController();
    void session.directory.load(ctl.signal);
    return () => ctl.abort();
  }, [session]);
  useEffect(() => {
    void keepShellOffline();
  }, []);
  useOfflineSocket(collab.provider);

  const value = useMemo<CockpitValue>(
    () => ({
      session,
      editor,
      timeline,
      startsAt,
      readOnly,
      sources(exceptBlock) {
        const directory = session.directory.get();
        return {
          directory: directory.entries,
          rankDirectory: directory.rank,
          known: directory.known,
          session: editor.isDestroyed ? [] : sessionNames(editor.state.doc, exceptBlock),
        };
      },
      takeNext() {
        if (!readOnly && !editor.isDestroyed) takeNextSpeaker(editor, session);
      },
    }),
    [session, editor, timeline, startsAt, readOnly],
  );

  return (
    <CockpitContext.Provider value={value}>
      <OfflineBanner collab={collab} />
      {children}
      <CockpitPanel />
      <CockpitNotice />
    </CockpitContext.Provider>
  );
}
