import { BLOCK_STATUSES, oneOf, SPEAKER_KINDS, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { BlockClaim, BlockTypists, ClaimPrompt } from './BlockClaim.tsx';
import { BlockClock } from './BlockClock.tsx';
import { useCockpit } from '../context.ts';
import { isTakeNextKey } from '../keys.ts';
import { SpeakerHeaderField } from './SpeakerHeaderField.tsx';
import { blockElementId } from '../../editor/blockAnchor.ts';
import { BlockReview } from './BlockReview.tsx';
import { agendaItemPosition, focusBlockBody, insertAgendaItem, startNextSpeaker } from '../../editor/commands.ts';
import { takeHeaderFocus } from '../../editor/focusRequest.ts';
import { isInsertAgendaKey, isNextSpeakerKey } from '../../editor/keys.ts';
import { KIND_LABELS } from '../../editor/labels.ts';
import { useReadOnly } from '../../editor/readOnly.ts';
import { useReviewer } from '../../editor/review.ts';
import { TimeField } from '../../editor/TimeField.tsx';

/**
 * A speaker block on screen: a compact header of inputs over the block's attributes (who spoke,
 * for whom, when) and the statement below it as editable rich text. The header is outside the
 * editable content; its keys are handled here because ProseMirror ignores events from inputs.
 */
export function SpeakerBlockView({ node, editor, getPos, updateAttributes }: NodeViewProps) {
  const attrs = node.attrs as SpeakerBlockAttrs;
  const kind = oneOf(SPEAKER_KINDS, attrs.kind, 'other');
  const status = oneOf(BLOCK_STATUSES, attrs.status, 'draft');
  const speakerRef = useRef<HTMLInputElement>(null);
  const readOnly = useReadOnly();
  // a final block is read-only for note-takers (the server undoes their changes to it)
  const reviewer = useReviewer();
  const locked = status === 'final' && !reviewer.canReview;
  const cockpit = useCockpit();

  useEffect(() => {
    if (takeHeaderFocus(attrs.id)) speakerRef.current?.focus();
  }, [attrs.id]);

  const blockPos = () => getPos() ?? null;
  // `node` is this block as of its last header change (see renderOnlyOnHeaderChange): its content
  // may be older, so the keys read the block as it stands now
  const current = (pos: number) => editor.state.doc.nodeAt(pos) ?? node;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const pos = blockPos();
    if (pos === null) return;
    if (cockpit && isTakeNextKey(e)) {
      e.preventDefault();
      cockpit.takeNext();
    } else if (isNextSpeakerKey(e)) {
      e.preventDefault();
      startNextSpeaker(editor, { node: current(pos), pos });
    } else if (isInsertAgendaKey(e)) {
      e.preventDefault();
      insertAgendaItem(editor, agendaItemPosition(current(pos), pos));
    } else if (e.key === 'Escape' || (e.key === 'Enter' && e.currentTarget.tagName === 'INPUT')) {
      // Enter in a header field means "done with the header": go and type the statement
      e.preventDefault();
      focusBlockBody(editor, pos);
    }
  };

  const onLastKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const pos = blockPos();
    if (pos !== null && e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      focusBlockBody(editor, pos);
      return;
    }
    onKeyDown(e);
  };

  const set = (patch: Partial<SpeakerBlockAttrs>) => updateAttributes(patch);
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
      <fieldset className="sb-header" contentEditable={false} disabled={readOnly || locked}>
        <legend className="visually-hidden">Speaker</legend>
        <SpeakerHeaderField
          field="speaker"
          ref={speakerRef}
          className="sb-field sb-speaker"
          data-field="speaker"
          aria-label="Speaker"
          placeholder="Speaker"
          attrs={attrs}
          set={set}
          onKeyDown={onKeyDown}
        />
        <SpeakerHeaderField
          field="affiliation"
          className="sb-field sb-affiliation"
          data-field="affiliation"
          aria-label="Affiliation"
          placeholder="Affiliation"
          attrs={attrs}
          set={set}
          onKeyDown={onKeyDown}
        />
        <span className="sb-behalf">
          <span className="sb-behalf-label" aria-hidden="true">
            on behalf of
          </span>
          <SpeakerHeaderField
            field="onBehalfOf"
            className="sb-field sb-onbehalf"
            data-field="onBehalfOf"
            aria-label="On behalf of"
            placeholder="—"
            attrs={attrs}
            set={set}
            onKeyDown={onKeyDown}
          />
        </span>
        <span className="sb-meta">
          <BlockReview
            status={status}
            statusBy={attrs.statusBy ?? ''}
            statusAt={attrs.statusAt ?? ''}
            changedBy={attrs.changedBy ?? ''}
            changedAt={attrs.changedAt ?? ''}
            onChange={set}
            onKeyDown={onKeyDown}
          />
          <select
            className="sb-field sb-kind"
            data-field="kind"
            aria-label="Kind of speaker"
            value={kind}
            onChange={(e) => set({ kind: oneOf(SPEAKER_KINDS, e.target.value, 'other') })}
            onKeyDown={onKeyDown}
          >
            {SPEAKER_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <TimeField
            className="sb-field sb-time"
            data-field="startedAt"
            data-header-last=""
            aria-label="Start time"
            value={attrs.startedAt}
            onCommit={(iso) => set({ startedAt: iso })}
            onKeyDown={onLastKeyDown}
          />
          <BlockClock blockId={attrs.id} startedAt={attrs.startedAt} />
          <BlockClaim blockId={attrs.id} />
          <BlockTypists blockId={attrs.id} />
        </span>
      </fieldset>
      <ClaimPrompt blockId={attrs.id} />
      <NodeViewContent className="sb-body" />
    </NodeViewWrapper>
  );
}
