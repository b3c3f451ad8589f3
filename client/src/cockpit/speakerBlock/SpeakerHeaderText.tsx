import { oneOf, SPEAKER_KINDS, type BlockStatus, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import type { MouseEvent } from 'react';
import { BlockClaim, BlockTypists } from './BlockClaim.tsx';
import { BlockClock } from './BlockClock.tsx';
import { BlockReview } from './BlockReview.tsx';
import { useCockpit } from '../context.ts';
import type { Directory } from '../stores/directoryStore.ts';
import { useMaybeStore } from '../stores/store.ts';
import { focusHeaderField } from '../../editor/activeHeader.ts';
import { KIND_LABELS } from '../../editor/labels.ts';
import { formatClock } from '../../editor/time.ts';

/** Props of the plain header of a block away from the selection. */
export interface SpeakerHeaderTextProps {
  editor: Editor;
  attrs: SpeakerBlockAttrs;
  status: BlockStatus;
  /** Nothing may be changed here (read-only record, or a final block for a note-taker). */
  disabled: boolean;
}

/** A test of names against the registry, once fetched: unknown names are flagged, as in the fields. */
function useUnknownTest(): (name: string) => boolean {
  const cockpit = useCockpit();
  const directory = useMaybeStore<Directory, Directory | null>(cockpit?.session.directory ?? null, (d) => d, null);
  return (name) => !!directory?.fetched && name.trim() !== '' && !directory.known(name);
}

/** One header field as text, with the field's placeholder when empty (see styles.css). */
function FieldText({
  field,
  value,
  placeholder,
  className,
  unknown = false,
}: {
  field: string;
  value: string;
  placeholder: string;
  className: string;
  unknown?: boolean;
}) {
  return (
    <>
      <span className={`sb-field sb-text ${className}`} data-shows={field} data-placeholder={placeholder}>
        {value}
      </span>
      {unknown && (
        <span className="ac-flag" title="This name is not in the registry">
          not in registry
        </span>
      )}
    </>
  );
}

/**
 * The header of a speaker block away from the selection: the same information as the header of
 * the block being edited (who spoke, for whom, kind, time, review, claims, who is typing), as plain
 * text, with no form control (issue 17: thousands of them in a long record made every keystroke
 * cost more). A click on it opens the header's fields, the clicked one with the cursor in it.
 */
export function SpeakerHeaderText({ editor, attrs, status, disabled }: SpeakerHeaderTextProps) {
  const kind = oneOf(SPEAKER_KINDS, attrs.kind, 'other');
  const unknown = useUnknownTest();

  const onMouseDown = (e: MouseEvent<HTMLElement>) => {
    if (e.button !== 0 || disabled) return;
    if (e.target instanceof Element && e.target.closest('button, a')) return;
    e.preventDefault();
    const shown = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-shows]') : null;
    focusHeaderField(editor, attrs.id, shown?.dataset.shows ?? 'speaker');
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; keyboard users reach the fields from the statement (Shift+Tab), where the caret makes them appear
    <div
      className={disabled ? 'sb-header sb-header-text disabled' : 'sb-header sb-header-text'}
      contentEditable={false}
      onMouseDown={onMouseDown}
    >
      <FieldText
        field="speaker"
        value={attrs.speaker}
        placeholder="Speaker"
        className="sb-speaker"
        unknown={unknown(attrs.speaker)}
      />
      <FieldText
        field="affiliation"
        value={attrs.affiliation}
        placeholder="Affiliation"
        className="sb-affiliation"
        unknown={unknown(attrs.affiliation)}
      />
      <span className="sb-behalf">
        <span className="sb-behalf-label">on behalf of</span>
        <FieldText
          field="onBehalfOf"
          value={attrs.onBehalfOf}
          placeholder="—"
          className="sb-onbehalf"
          unknown={unknown(attrs.onBehalfOf)}
        />
      </span>
      <span className="sb-meta">
        <BlockReview
          plain
          status={status}
          statusBy={attrs.statusBy ?? ''}
          statusAt={attrs.statusAt ?? ''}
          changedBy={attrs.changedBy ?? ''}
          changedAt={attrs.changedAt ?? ''}
        />
        <FieldText field="kind" value={KIND_LABELS[kind]} placeholder="" className="sb-kind" />
        <FieldText field="startedAt" value={formatClock(attrs.startedAt)} placeholder="HH:MM" className="sb-time" />
        <BlockClock blockId={attrs.id} startedAt={attrs.startedAt} />
        <BlockClaim blockId={attrs.id} plain />
        <BlockTypists blockId={attrs.id} />
      </span>
    </div>
  );
}
