import { BLOCK_STATUSES, oneOf, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import { useCallback, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { ClaimPrompt } from './BlockClaim.tsx';
import { SpeakerHeaderForm } from './SpeakerHeaderForm.tsx';
import { useCockpit } from '../context.ts';
import { useMaybeStore } from '../stores/store.ts';
import { activeHeadersOf } from '../../editor/activeHeader.ts';
import { type BlockViewHandle, blockViewsOf } from '../../editor/blockViews.ts';
import { useReadOnly } from '../../editor/readOnly.ts';
import { useReviewer } from '../../editor/review.ts';

/**
 * The view of each block being edited, with its version (a string, so the snapshot compares by
 * value): re-renders when a block turns active or plain, or an active block's attributes change,
 * and not on changes to other blocks.
 */
function useActiveViews(editor: Editor): BlockViewHandle[] {
  const headers = activeHeadersOf(editor);
  const views = blockViewsOf(editor);
  const subscribe = useCallback(
    (fn: () => void) => {
      const a = headers.subscribe(fn);
      const b = views.subscribe(fn);
      return () => {
        a();
        b();
      };
    },
    [headers, views],
  );
  const key = useSyncExternalStore(subscribe, () =>
    headers
      .activeIds()
      .map((id) => {
        const view = views.get(id);
        return view ? `${id}\u0000${view.version}` : '';
      })
      .join('\u0001'),
  );
  return key
    .split('\u0001')
    .map((entry) => views.get(entry.split('\u0000')[0] ?? ''))
    .filter((v): v is BlockViewHandle => v !== undefined);
}

/** The form header of one block being edited, in its node view's header slot. */
function ActiveHeader({ editor, view }: { editor: Editor; view: BlockViewHandle }) {
  const readOnly = useReadOnly();
  // a final block is read-only for note-takers (the server undoes their changes to it)
  const reviewer = useReviewer();
  const node = view.node();
  const attrs = node.attrs as SpeakerBlockAttrs;
  const status = oneOf(BLOCK_STATUSES, attrs.status, 'draft');
  const locked = status === 'final' && !reviewer.canReview;
  return createPortal(
    <SpeakerHeaderForm
      node={node}
      editor={editor}
      getPos={view.getPos}
      updateAttributes={(patch) => view.updateAttributes(patch)}
      attrs={attrs}
      status={status}
      disabled={readOnly || locked}
    />,
    view.headerSlot,
  );
}

/** The claim guard's question, on the block it is about. */
function GuardPrompt({ editor }: { editor: Editor }) {
  const cockpit = useCockpit();
  const blockId = useMaybeStore(cockpit?.session.guard ?? null, (g) => g?.blockId ?? null, null);
  const views = blockViewsOf(editor);
  const subscribe = useCallback((fn: () => void) => views.subscribe(fn), [views]);
  const slot = useSyncExternalStore(subscribe, () =>
    blockId === null ? null : (views.get(blockId)?.promptSlot ?? null),
  );
  if (!slot || blockId === null) return null;
  return createPortal(<ClaimPrompt blockId={blockId} />, slot);
}

/**
 * What React renders inside speaker blocks (EditorAddons.speakerHeaders.Active): the form header
 * of each block being edited and the claim guard's prompt, through portals into the blocks' plain
 * DOM node views (editor/speakerBlockNodeView.ts). One React tree for the whole record.
 */
export function ActiveBlockHeaders({ editor }: { editor: Editor }) {
  const views = useActiveViews(editor);
  return (
    <>
      {views.map((view) => (
        <ActiveHeader key={view.node().attrs.id as string} editor={editor} view={view} />
      ))}
      <GuardPrompt editor={editor} />
    </>
  );
}
