import { oneOf, SPEAKER_KINDS, type BlockStatus, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { NodeViewProps } from '@tiptap/react';
import { type FocusEvent, type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { BlockClaim, BlockTypists } from './BlockClaim.tsx';
import { BlockClock } from './BlockClock.tsx';
import { BlockReview } from './BlockReview.tsx';
import { SpeakerHeaderField } from './SpeakerHeaderField.tsx';
import { useCockpit } from '../context.ts';
import { isTakeNextKey } from '../keys.ts';
import { activeHeadersOf, headerFieldSelector } from '../../editor/activeHeader.ts';
import { agendaItemPosition, focusBlockBody, insertAgendaItem, startNextSpeaker } from '../../editor/commands.ts';
import { isInsertAgendaKey, isNextSpeakerKey } from '../../editor/keys.ts';
import { KIND_LABELS } from '../../editor/labels.ts';
import { TimeField } from '../../editor/TimeField.tsx';

/** Props of the header of the block being edited. */
export interface SpeakerHeaderFormProps extends Pick<NodeViewProps, 'node' | 'editor' | 'getPos' | 'updateAttributes'> {
  attrs: SpeakerBlockAttrs;
  status: BlockStatus;
  /** No field accepts input (read-only record, or a final block for a note-taker). */
  disabled: boolean;
}

/**
 * The header of the block being edited: inputs over the block's attributes (who spoke, for whom,
 * when), its review, claim and clock. It is outside the editable content; its keys are handled
 * here because ProseMirror ignores events from inputs. It takes the cursor when asked (a new
 * block's speaker field, a click on the plain header), and goes back to plain text when the focus
 * leaves it for another block (see activeHeader.ts).
 */
export function SpeakerHeaderForm({
  node,
  editor,
  getPos,
  updateAttributes,
  attrs,
  status,
  disabled,
}: SpeakerHeaderFormProps) {
  const kind = oneOf(SPEAKER_KINDS, attrs.kind, 'other');
  const cockpit = useCockpit();
  const ref = useRef<HTMLFieldSetElement>(null);

  useLayoutEffect(() => {
    const field = activeHeadersOf(editor).takeFocusRequest(attrs.id);
    if (field) ref.current?.querySelector<HTMLElement>(headerFieldSelector(field))?.focus();
  });

  const blockPos = () => getPos() ?? null;
  // `node` is this block as of its last header change (see nodeViewUpdate.ts): its content may be
  // older, so the keys read the block as it stands now
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

  // the focus left the header for somewhere else: back to plain text, unless the selection is here
  const onBlur = (e: FocusEvent<HTMLFieldSetElement>) => {
    const to = e.relatedTarget;
    if (to instanceof Node && e.currentTarget.contains(to)) return;
    // the window lost the focus (another application): the field takes it back on return
    if (to === null && !document.hasFocus()) return;
    activeHeadersOf(editor).close(attrs.id);
  };

  const set = (patch: Partial<SpeakerBlockAttrs>) => updateAttributes(patch);

  return (
    <fieldset ref={ref} className="sb-header" contentEditable={false} disabled={disabled} onBlur={onBlur}>
      <legend className="visually-hidden">Speaker</legend>
      <SpeakerHeaderField
        field="speaker"
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
  );
}
