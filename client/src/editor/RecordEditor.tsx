import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { UserIdentity } from '../user/identity.ts';
import type { CollabSession } from './collabSession.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { editorExtensions } from './extensions.ts';
import { ReadOnlyContext } from './readOnly.ts';
import { seedWhenEmpty } from './seedEmptyRecord.ts';
import { Toolbar } from './Toolbar.tsx';

/** Props of the record editor. */
export interface RecordEditorProps {
  session: CollabSession;
  user: UserIdentity;
  /** Observers and final minutes: shown live, not editable. */
  readOnly: boolean;
}

/** The live record of one session: toolbar and the collaborative editor. */
export function RecordEditor({ session, user, readOnly }: RecordEditorProps) {
  const editor = useEditor(
    {
      extensions: editorExtensions(session, user),
      editable: !readOnly,
      editorProps: {
        attributes: { class: 'record', 'aria-label': 'Record of the meeting', spellcheck: 'true' },
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor.isEditable !== !readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  useEffect(() => (readOnly ? undefined : seedWhenEmpty(editor, session)), [editor, session, readOnly]);
  useEffect(() => exposeDebugHandle({ doc: session.doc, editor, provider: session.provider }), [editor, session]);
  useEffect(() => {
    // a rename reaches the carets through awareness (the server also rebinds it on reconnect)
    if (!editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  return (
    <>
      {!readOnly && <Toolbar editor={editor} />}
      <ReadOnlyContext.Provider value={readOnly}>
        <EditorContent editor={editor} className={readOnly ? 'record-frame read-only' : 'record-frame'} />
      </ReadOnlyContext.Provider>
    </>
  );
}
