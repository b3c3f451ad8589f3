/**
 * "Next speaker" from the list: take the head of the shared speakers list, open a speaker block
 * for it at the end of the current agenda item (start time now, cursor in its statement), and
 * claim that block. Two note-takers pressing it at the same moment both take the same head; the
 * list decides who wins (see shared/src/cockpit/speakersList.ts). The loser's fresh block, while
 * still empty, is moved on to the next waiting speaker; a block already written in is left alone
 * and the note-taker told.
 */
import {
  nextSpeakerInsertion,
  openerId,
  type SpeakersListEntry,
  takeNext,
  watchTake,
} from '@rapporteur/shared/cockpit';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { type SessionCockpit, selfName } from '../sessionCockpit.ts';

/** How long after the take (once connected) a concurrent take can still show up. */
const RACE_WINDOW_MS = 10_000;

/** What a press of "next speaker" did. */
export type TakeOutcome = { kind: 'empty' } | { kind: 'taken'; entry: SpeakersListEntry; blockId: string };

/** Position and node of the speaker block with `id`, or null. */
function findBlock(editor: Editor, id: string): { pos: number; empty: boolean } | null {
  let found: { pos: number; empty: boolean } | null = null;
  editor.state.doc.forEach((node, pos) => {
    if (!found && node.type.name === 'speakerBlock' && node.attrs.id === id) {
      found = { pos, empty: node.textContent.trim() === '' };
    }
  });
  return found;
}

/** Take the next waiting speaker and open their block; see the module comment. */
export function takeNextSpeaker(editor: Editor, cockpit: SessionCockpit): TakeOutcome {
  const { doc } = cockpit.collab;
  const entry = takeNext(doc, { name: selfName(cockpit.collab) });
  if (!entry) {
    cockpit.notices.say('Nobody is waiting on the speakers list.');
    return { kind: 'empty' };
  }
  const { state, view } = editor;
  const ins = nextSpeakerInsertion(state.doc, state.selection.from, entry, {
    openedBy: openerId(cockpit.claims.awareness.clientID),
  });
  const tr = state.tr.insert(ins.pos, state.schema.nodeFromJSON(ins.node));
  tr.setSelection(TextSelection.create(tr.doc, ins.cursor)).scrollIntoView();
  view.dispatch(tr);
  view.focus();
  cockpit.claims.claim(ins.node.attrs.id);
  watchRace(editor, cockpit, entry, ins.node.attrs.id);
  return { kind: 'taken', entry, blockId: ins.node.attrs.id };
}

/** Follow our take of `entry` (opened as block `blockId`) until the race window closes. */
function watchRace(editor: Editor, cockpit: SessionCockpit, entry: SpeakersListEntry, blockId: string): void {
  const { doc, provider } = cockpit.collab;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopWatch = watchTake(doc, entry.id, (now) => {
    stop();
    // removed from the list or put back to waiting by someone: not a lost race, nothing to redo
    if (!now?.taken) return;
    // Not from inside this Yjs observer: the same remote update may also carry the winner's new
    // block, which the editor has not drawn yet; an editor transaction dispatched now would be
    // written back to the document without that block, deleting it.
    setTimeout(() => moveOn(editor, cockpit, entry, blockId, now.taken?.by || 'Another note-taker'), 0);
  });
  const onSync = (synced: boolean) => {
    if (synced && timer === undefined) timer = setTimeout(stop, RACE_WINDOW_MS);
  };
  function stop() {
    stopWatch();
    provider.off('sync', onSync);
    if (timer !== undefined) clearTimeout(timer);
  }
  // offline, the race is decided only after reconnecting: the window starts once in sync
  provider.on('sync', onSync);
  onSync(provider.synced);
}

/** After losing `entry` to `who`: give our still empty block `blockId` to the next one waiting. */
function moveOn(editor: Editor, cockpit: SessionCockpit, entry: SpeakersListEntry, blockId: string, who: string): void {
  if (editor.isDestroyed) return;
  const { doc } = cockpit.collab;
  const block = findBlock(editor, blockId);
  if (!block?.empty) {
    cockpit.notices.say(`${who} took ${entry.name} at the same moment; keep your block or remove it.`);
    return;
  }
  const next = takeNext(doc, { name: selfName(cockpit.collab) });
  if (!next) {
    cockpit.notices.say(`${who} took ${entry.name} first, and nobody else is waiting.`);
    return;
  }
  editor.view.dispatch(
    editor.state.tr.setNodeMarkup(block.pos, undefined, {
      ...editor.state.doc.nodeAt(block.pos)!.attrs,
      speaker: next.name,
      affiliation: next.affiliation,
      onBehalfOf: next.onBehalfOf,
      kind: next.kind,
    }),
  );
  cockpit.notices.say(`${who} took ${entry.name} first; your block is now for ${next.name}.`);
  watchRace(editor, cockpit, next, blockId);
}
