import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { UserIdentity } from '../user/identity.ts';
import type { EditorAddons } from './addons.ts';
import { blockViewsOf } from './blockViews.ts';
import type { CollabSession } from './collabSession.ts';
import { exposeDebugHandle } from './debugHandle.ts';
import { editorExtensions } from './extensions.ts';
import { ReadOnlyContext } from './readOnly.ts';
import { ReviewContext } from './review.ts';
import { seedWhenEmpty } from './seedEmptyRecord.ts';
import { Toolbar } from './Toolbar.tsx';

/** Props of the record editor. */
export interface RecordEditorProps {
  session: CollabSession;
  user: UserIdentity;
  /** Observers and final minutes: shown live, not editable. */
  readOnly: boolean;
  /** Editors may set each block's review status. */
  canReview?: boolean;
  /** Hide blocks already checked or final (a class on the record; nothing is removed). */
  onlyUnchecked?: boolean;
  /** What the cockpit adds: extensions, the speaker block headers, the frame around the content. */
  addons: EditorAddons;
}

/** The live record of one session: toolbar and the collaborative editor. */
export function RecordEditor({
  session,
  user,
  readOnly,
  canReview = false,
  onlyUnchecked = false,
  addons,
}: RecordEditorProps) {
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  // created in an effect, not during the page's first render: the editor's creation (its
  // extensions, state and view, with the record's first part) and the view's mount into the page
  // (its first layout) then run in tasks of their own, not in one of the page's first render
  // and commit together (issue 17: 100-170 ms on opening)
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: editorExtensions(session, user, addons),
      editable: !readOnly,
      // before its view renders the first blocks (each render below sets them again)
      onBeforeCreate: ({ editor: created }) => {
        created.storage.finalBlockLock.canEdit = canReview && !readOnly;
        blockViewsOf(created).setEnv({ readOnly, canReview: canReview && !readOnly });
      },
      editorProps: {
        // a text field to assistive technology: what it is, that it takes many lines (issue 13,
        // item 15); a function, so ProseMirror re-reads it when setEditable changes the view's props
        attributes: () => ({
          class: 'record',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Record of the meeting',
          'aria-readonly': String(readOnlyRef.current),
          spellcheck: 'true',
        }),
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== !readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  useEffect(() => (editor && !readOnly ? seedWhenEmpty(editor, session) : undefined), [editor, session, readOnly]);
  useEffect(
    () => (editor ? exposeDebugHandle({ doc: session.doc, editor, provider: session.provider }) : undefined),
    [editor, session],
  );
  useEffect(() => {
    // a rename reaches the carets through awareness (the server also rebinds it on reconnect)
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);
  // its view goes into the page a task after the editor's creation (issue 17: the creation, then
  // React's commit with the view's first layout, were one task of 100-160 ms at 1,000 blocks)
  const placed = useTaskLater(editor);
  // the view is in the page: the record can go in, part by part, from the next task on (none of
  // it went in before, so the creation rendered nothing: stagedUpdates.ts)
  useEffect(() => (placed ? session.showing() : undefined), [placed, session]);

  const reviewer = useMemo(
    () => ({ canReview: canReview && !readOnly, name: user.name }),
    [canReview, readOnly, user.name],
  );
  const frameClass = ['record-frame', readOnly && 'read-only', onlyUnchecked && 'only-unchecked']
    .filter(Boolean)
    .join(' ');
  // the frame alone, for the tasks between the page's first render and the view's placement
  if (!editor) return <div className={frameClass} aria-busy="true" />;

  // editors may change final blocks (finalBlockLock.ts); the flag is read on every transaction
  editor.storage.finalBlockLock.canEdit = reviewer.canReview;
  // the plain headers of speaker blocks read these outside React (first set in onBeforeCreate)
  blockViewsOf(editor).setEnv({ readOnly, canReview: reviewer.canReview });
  if (!placed) return <div className={frameClass} aria-busy="true" />;
  const { Active } = addons.speakerHeaders;

  return (
    <>
      {!readOnly && <Toolbar editor={editor} />}
      <ReadOnlyContext.Provider value={readOnly}>
        <ReviewContext.Provider value={reviewer}>
          {addons.frame(
            editor,
            <>
              <EditorContent editor={editor} className={frameClass} />
              <Active editor={editor} />
            </>,
          )}
        </ReviewContext.Provider>
      </ReadOnlyContext.Provider>
    </>
  );
}

/** Whether a task has passed since `value` last changed to what it is (false while it is null). */
function useTaskLater<T>(value: T | null): boolean {
  const [reached, setReached] = useState<T | null>(null);
  useEffect(() => {
    if (value === null) return;
    const timer = setTimeout(() => setReached(value), 0);
    return () => clearTimeout(timer);
  }, [value]);
  return value !== null && reached === value;
}
