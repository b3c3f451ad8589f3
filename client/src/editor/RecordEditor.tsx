import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { UserIdentity } from '../user/identity.ts';
import type { CollabSession } from './collabSession.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { editorExtensions } from './extensions.ts';
import { seedWhenEmpty } from './seedEmptyRecord.ts';
import { Toolbar } from './Toolbar.tsx';

/** The live record of one session: toolbar and the collaborative editor. */
export function RecordEditor({ session, user }: { session: CollabSession; user: UserIdentity }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(session, user),
      editorProps: {
        attributes: { class: 'record', 'aria-label': 'Record of the meeting', spellcheck: 'true' },
      },
    },
    [session],
  );

  useEffect(() => seedWhenEmpty(editor, session), [editor, session]);
  useEffect(() => exposeDebugHandle({ doc: session.doc, editor, provider: session.provider }), [editor, session]);
  useEffect(() => {
    // a rename reaches the carets through awareness; the editor itself stays as it is
    if (!editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  return (
    <>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="record-frame" />
    </>
  );
}
