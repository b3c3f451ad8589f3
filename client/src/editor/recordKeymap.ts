import { Extension } from '@tiptap/core';
import { enclosingSpeakerBlock, focusBlockHeader, insertAgendaItem, startNextSpeaker } from './commands.ts';
import { KEYS } from './keys.ts';

/**
 * Keys of the record body. Priority above StarterKit so Mod-Enter means "next speaker" rather
 * than HardBreak's line break; Shift-Tab yields to the list keymap inside list items, where it
 * outdents.
 */
export const RecordKeymap = Extension.create({
  name: 'recordKeymap',
  priority: 1000,
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
