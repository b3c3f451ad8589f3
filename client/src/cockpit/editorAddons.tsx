/**
 * The cockpit as the editor's add-ons (editor/addons.ts): its speaker block headers, marker node
 * views, extensions, the notice for a refused change to a final block, and the panels around the
 * record. The session passes this to the record editor, so the editor never imports the cockpit.
 */
import type { EditorAddons } from '../editor/addons.ts';
import type { CollabSession } from '../editor/collabSession.ts';
import { Cockpit } from './Cockpit.tsx';
import { cockpitExtensions } from './extensions/cockpitExtensions.ts';
import { withMarkerViews } from './extensions/markerExtensions.ts';
import { sessionCockpit } from './sessionCockpit.ts';
import { ActiveBlockHeaders } from './speakerBlock/ActiveBlockHeaders.tsx';
import { plainHeader } from './speakerBlock/plainHeader.ts';

/** The cockpit's add-ons to the record editor of `collab`. */
export function cockpitAddons(collab: CollabSession, readOnly: boolean): EditorAddons {
  return {
    speakerHeaders: {
      plain: (editor, attrs, env) => plainHeader(sessionCockpit(collab), editor, attrs, env),
      Active: ActiveBlockHeaders,
    },
    decorateSchema: withMarkerViews,
    extensions: () => cockpitExtensions(collab),
    onFinalBlockRefused: () =>
      sessionCockpit(collab).notices.say('This block is final: only an editor can change it, or reopen it.'),
    frame: (editor, content) => (
      <Cockpit editor={editor} collab={collab} readOnly={readOnly}>
        {content}
      </Cockpit>
    ),
  };
}
