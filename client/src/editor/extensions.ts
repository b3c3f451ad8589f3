import { RECORD_FIELD, recordExtensions, SpeakerBlock } from '@rapporteur/shared/schema';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { UserIdentity } from '../user/identity.ts';
import { ActiveHeader } from './activeHeader.ts';
import type { EditorAddons } from './addons.ts';
import type { CollabSession } from './collabSession.ts';
import { BlockIdentity } from './blockIdentity.ts';
import { finalBlockLock } from './finalBlockLock.ts';
import { FreshIdsOnPaste } from './freshIdsOnPaste.ts';
import { awarenessPeers } from './peers.ts';
import { RecordKeymap } from './recordKeymap.ts';
import { RemoteChangesStay } from './remoteChangesStay.ts';
import { NearSelection } from './nearSelection.ts';
import { schemaGateExtension } from './schemaGateExtension.ts';
import { SpeakerBlockNodeView } from './speakerBlockNodeView.ts';

/**
 * The editor's extensions: the shared record schema (same list the server builds its schema
 * from) with speaker blocks as DOM node views (headers from `addons`), bound to the session's Y.Doc, plus carets,
 * the record's keys and fresh ids on paste, and what `addons` (the cockpit) adds.
 */
export function editorExtensions(session: CollabSession, user: UserIdentity, addons: EditorAddons): AnyExtension[] {
  const { speakerHeaders } = addons;
  return [
    ...addons.decorateSchema(
      recordExtensions({
        speakerBlock: SpeakerBlock.extend({
          addNodeView() {
            return ({ node, editor, getPos }) => new SpeakerBlockNodeView(node, editor, getPos, speakerHeaders);
          },
        }),
      }),
    ),
    Collaboration.configure({ document: session.doc, field: RECORD_FIELD }),
    schemaGateExtension(session.schema),
    CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color: user.color } }),
    RecordKeymap.configure({ peers: awarenessPeers(session.provider.awareness) }),
    NearSelection,
    RemoteChangesStay,
    ActiveHeader,
    BlockIdentity,
    finalBlockLock(() => addons.onFinalBlockRefused()),
    FreshIdsOnPaste,
    ...addons.extensions(),
  ];
}
