import { BLOCK_STATUSES, oneOf, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { ClaimPrompt } from './BlockClaim.tsx';
import { SpeakerHeaderForm } from './SpeakerHeaderForm.tsx';
import { SpeakerHeaderText } from './SpeakerHeaderText.tsx';
import { blockElementId } from '../../editor/blockAnchor.ts';
import { useReadOnly } from '../../editor/readOnly.ts';
import { useReviewer } from '../../editor/review.ts';
import { useActiveHeader } from '../../editor/useActiveHeader.ts';

/**
 * A speaker block on screen: a compact header over the block's attributes (who spoke, for whom,
 * when) and the statement below it as editable rich text. The header is form controls in the block
 * being edited and plain text in every other block (see editor/activeHeader.ts).
 */
export function SpeakerBlockView({ node, editor, getPos, updateAttributes }: NodeViewProps) {
  const attrs = node.attrs as SpeakerBlockAttrs;
  const status = oneOf(BLOCK_STATUSES, attrs.status, 'draft');
  const readOnly = useReadOnly();
  // a final block is read-only for note-takers (the server undoes their changes to it)
  const reviewer = useReviewer();
  const locked = status === 'final' && !reviewer.canReview;
  const active = useActiveHeader(editor, attrs.id);
  const label = attrs.speaker.trim() || 'new speaker';

  return (
    <NodeViewWrapper
      as="section"
      className={['speaker-block', `status-${status}`, locked && 'locked', attrs.changedBy && 'changed']
        .filter(Boolean)
        .join(' ')}
      data-speaker-block=""
      data-id={attrs.id}
      id={blockElementId(attrs.id)}
      aria-label={`Statement by ${label}`}
    >
      {active ? (
        <SpeakerHeaderForm
          node={node}
          editor={editor}
          getPos={getPos}
          updateAttributes={updateAttributes}
          attrs={attrs}
          status={status}
          disabled={readOnly || locked}
        />
      ) : (
        <SpeakerHeaderText editor={editor} attrs={attrs} status={status} disabled={readOnly || locked} />
      )}
      <ClaimPrompt blockId={attrs.id} />
      <NodeViewContent className="sb-body" />
    </NodeViewWrapper>
  );
}
