import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent } from 'react';
import { insertAgendaItem, startNextSpeaker } from './commands.ts';
import { shortcutHint } from './keys.ts';

// keep the editor's selection: a toolbar click must act where the cursor is, not steal focus
const keepFocus = (e: MouseEvent) => e.preventDefault();

/** Buttons for the record's structure, each naming its keyboard shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bullets: e.isActive('bulletList'), numbers: e.isActive('orderedList') }),
  });
  const next = shortcutHint('nextSpeaker');
  const agenda = shortcutHint('agendaItem');
  return (
    <div className="toolbar" role="toolbar" aria-label="Record structure">
      <button
        type="button"
        onMouseDown={keepFocus}
        onClick={() => startNextSpeaker(editor)}
        title={`Start the next speaker (${next})`}
      >
        Next speaker <kbd>{next}</kbd>
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        onClick={() => insertAgendaItem(editor)}
        title={`Insert an agenda item heading (${agenda})`}
      >
        Agenda item <kbd>{agenda}</kbd>
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        onMouseDown={keepFocus}
        aria-pressed={active.bullets}
        onClick={() => editor.chain().focus().toggleBulletList().run()}
        title="Bulleted list"
      >
        • List
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        aria-pressed={active.numbers}
        onClick={() => editor.chain().focus().toggleOrderedList().run()}
        title="Numbered list"
      >
        1. List
      </button>
      <p className="toolbar-hint">
        <kbd>Enter</kbd> in a header field starts the statement · <kbd>Tab</kbd> next field, then the statement ·{' '}
        <kbd>Shift+Tab</kbd> back
      </p>
    </div>
  );
}
