import { Extension } from '@tiptap/core';
import { enclosingSpeakerBlock, focusBlockHeader, insertAgendaItem, startNextSpeaker } from './commands.ts';
import { KEYS } from './keys.ts';
import { NO_PEERS, type Peers } from './peers.ts';

/**
 * Keys of the record body. Priority above StarterKit so Mod-Enter means "next speaker" rather
 * than HardBreak's line break; Shift-Tab yields to the list keymap inside list items, where it
 * outdents. Its storage holds the session's peers (`peers` option), which "next speaker" needs
 * from every entry point (see peers.ts).
 */
export const RecordKeymap = Extension.create<{ peers: Peers }, { peers: Peers }>({
  name: 'recordKeymap',
  priority: 1000,
  addOptions() {
    return { peers: NO_PEERS };
  },
  addStorage() {
    return { peers: this.options.peers };
  },
  addKeyboardShortcuts() {
    return {
      [KEYS.nextSpeaker]: ({ editor }) => {
        startNextSpeaker(editor);
        return true;
      },
      [KEYS.agendaItem]: ({ editor }) => {
        insertAgendaItem(editor);
        return true;
      },
      [KEYS.headerFromBody]: ({ editor }) => {
        const { $from } = editor.state.selection;
        for (let d = $from.depth; d >= 1; d--) if ($from.node(d).type.name === 'listItem') return false;
        const block = enclosingSpeakerBlock($from);
        return block ? focusBlockHeader(editor, block.pos) : false;
      },
    };
  },
});
