/**
 * Typing into a statement someone else claimed, or someone else is typing in right now (seen
 * through presence, typingStore.ts), asks first ("Ana is minuting this: type here anyway?"),
 * once per block. The keystrokes made while the question is open are held back, not lost:
 * Enter answers yes and inserts them, Escape drops them, and moving away shows them in a notice.
 * Only local input is guarded; remote changes never pass through these handlers.
 */
import { claimedByOther } from '@rapporteur/shared/cockpit';
import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { enclosingSpeakerBlock } from '../../editor/commands.ts';
import type { SessionCockpit } from '../sessionCockpit.ts';
import { heldBackNotice } from '../stores/guardStore.ts';

/** Keys that change the text without typing a character. */
const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete']);

function blockIdAt(state: EditorState): string | null {
  const id = enclosingSpeakerBlock(state.selection.$from)?.node.attrs.id;
  return typeof id === 'string' ? id : null;
}

/** The guard as a ProseMirror plugin over one session's claims. */
export function claimGuardPlugin(cockpit: Pick<SessionCockpit, 'claims' | 'guard' | 'typing' | 'notices'>): Plugin {
  const { claims, guard, typing, notices } = cockpit;
  const { awareness } = claims;

  /** True (and the question asked) when input here must wait for a yes. */
  const held = (state: EditorState, text = ''): boolean => {
    const id = blockIdAt(state);
    if (!id || guard.isConfirmed(id)) return false;
    const claim = claimedByOther(awareness.getStates() as Map<number, Record<string, unknown>>, id, awareness.clientID);
    if (claim) {
      guard.ask(id, claim.user?.name || 'Someone', claim.user?.color || '#6b7280', text, 'claim');
      return true;
    }
    const typist = typing.typistsIn(id)[0];
    if (!typist) return false;
    guard.ask(id, typist.name, typist.color, text, 'typing');
    return true;
  };

  return new Plugin({
    key: new PluginKey('claimGuard'),
    props: {
      handleKeyDown(view, event) {
        const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
        if (guard.get() && plain && event.key === 'Enter') {
          answerGuard(view, cockpit, true);
          return true;
        }
        if (guard.get() && event.key === 'Escape') {
          guard.dismiss();
          return true;
        }
        return plain && EDITING_KEYS.has(event.key) ? held(view.state) : false;
      },
      // printable keys: stopped before the browser puts the character in the page
      handleKeyPress(view, event) {
        return event.key.length === 1 ? held(view.state, event.key) : false;
      },
      // anything that still arrives as text (composition, autocorrect)
      handleTextInput(view, _from, _to, text) {
        return held(view.state, text);
      },
      handlePaste(view) {
        return held(view.state);
      },
      handleDrop(view) {
        return held(view.state);
      },
    },
    view() {
      return {
        update(view) {
          // the question belongs to a place: leaving the block closes it, and what was held
          // back is shown in a notice rather than dropped without a word
          const open = guard.get();
          if (open && blockIdAt(view.state) !== open.blockId) {
            const notice = heldBackNotice(guard.leave());
            if (notice) notices.say(notice);
          }
        },
      };
    },
  });
}

/** The guard as an editor extension; above the record's keymap so Enter answers the question. */
export function claimGuardExtension(cockpit: Pick<SessionCockpit, 'claims' | 'guard' | 'typing' | 'notices'>) {
  return Extension.create({
    name: 'claimGuard',
    priority: 1100,
    addProseMirrorPlugins() {
      return [claimGuardPlugin(cockpit)];
    },
  });
}

/** Answer the open question from outside the editor (the prompt's buttons). */
export function answerGuard(view: EditorView, cockpit: Pick<SessionCockpit, 'guard'>, yes: boolean): void {
  if (!yes) {
    cockpit.guard.dismiss();
    return;
  }
  const answer = cockpit.guard.confirm();
  if (answer?.pending) view.dispatch(view.state.tr.insertText(answer.pending).scrollIntoView());
  view.focus();
}
