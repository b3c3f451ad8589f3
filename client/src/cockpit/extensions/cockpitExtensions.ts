/**
 * The editor extensions the cockpit adds: the claim guard, its keys (next speaker from the list,
 * claim the block), the keys and id upkeep of action items and decisions, and the announcement
 * of which block this page is typing in.
 */
import type { AnyExtension } from '@tiptap/core';
import { Extension } from '@tiptap/core';
import type { CollabSession } from '../../editor/collabSession.ts';
import { enclosingSpeakerBlock } from '../../editor/commands.ts';
import { claimGuardExtension } from './claimGuard.ts';
import { COCKPIT_KEYS } from '../keys.ts';
import { MarkerKeys } from './markerExtensions.ts';
import { type SessionCockpit, sessionCockpit } from '../sessionCockpit.ts';
import { takeNextSpeaker } from './takeNextSpeaker.ts';
import { typingPresence } from './typingPresence.ts';

function cockpitKeys(cockpit: SessionCockpit) {
  return Extension.create({
    name: 'cockpitKeys',
    priority: 1000,
    addKeyboardShortcuts() {
      return {
        [COCKPIT_KEYS.takeNext]: ({ editor }) => {
          if (editor.isEditable) takeNextSpeaker(editor, cockpit);
          return true;
        },
        [COCKPIT_KEYS.speakersList]: () => {
          cockpit.panel.focusAdd();
          return true;
        },
        [COCKPIT_KEYS.claim]: ({ editor }) => {
          const block = enclosingSpeakerBlock(editor.state.selection.$from);
          const id = block?.node.attrs.id;
          if (typeof id !== 'string' || !editor.isEditable) return false;
          cockpit.claims.toggle(id);
          return true;
        },
      };
    },
  });
}

/** The cockpit's extensions for the editor of `collab`. */
export function cockpitExtensions(collab: CollabSession): AnyExtension[] {
  const cockpit = sessionCockpit(collab);
  return [claimGuardExtension(cockpit), cockpitKeys(cockpit), MarkerKeys, typingPresence(collab.provider.awareness)];
}
