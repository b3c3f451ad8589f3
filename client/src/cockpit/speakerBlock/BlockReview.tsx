import { BLOCK_STATUSES, type BlockStatus } from '@rapporteur/shared/schema';
import type { KeyboardEvent } from 'react';
import { changeNote, reviewNote } from '../../record/reviewNote.ts';
import { STATUS_LABELS } from '../../editor/labels.ts';
import { type ReviewAttrs, reviewAttrs, useReviewer } from '../../editor/review.ts';

/**
 * A block's review status in its header. Editors get a select (draft → checked → final, and
 * back), which records their name and the time; everyone sees "checked by X at HH:MM". A final
 * block says it is read-only to those who may not change it; a block changed after its check, or
 * during review, says by whom, and editors can mark that change seen. Blocks away from the
 * selection show the same as text (plainHeader.ts).
 */
export function BlockReview({
  status,
  statusBy,
  statusAt,
  changedBy,
  changedAt,
  onChange,
  onKeyDown,
}: {
  status: BlockStatus;
  statusBy: string;
  statusAt: string;
  changedBy: string;
  changedAt: string;
  onChange(attrs: Partial<ReviewAttrs>): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
}) {
  const reviewer = useReviewer();
  const note = reviewNote({ status, statusBy, statusAt });
  const changed = changeNote({ status, changedBy, changedAt });
  return (
    <span className="sb-review">
      {reviewer.canReview ? (
        <select
          className={`sb-field sb-status status-${status}`}
          data-field="status"
          aria-label="Review status"
          value={status}
          onChange={(e) => {
            const next = BLOCK_STATUSES.find((s) => s === e.target.value);
            if (next) onChange(reviewAttrs(next, reviewer.name));
          }}
          onKeyDown={onKeyDown}
        >
          {BLOCK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      ) : (
        note === null && (
          <span className={`badge status-${status}`} title="Review status">
            {STATUS_LABELS[status]}
          </span>
        )
      )}
      {note && (
        <span className="sb-review-note" data-testid="review-note">
          {note}
        </span>
      )}
      {status === 'final' && !reviewer.canReview && (
        <span className="sb-locked-note" data-testid="locked-note" title="Only an editor can change or reopen it">
          read-only
        </span>
      )}
      {changed && (
        <span className="sb-change-note" data-testid="change-note">
          {changed}
          {reviewer.canReview && (
            <button
              type="button"
              className="sb-change-seen"
              data-testid="change-seen"
              title="Mark this change as seen"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChange({ changedBy: '', changedAt: '' })}
              onKeyDown={onKeyDown}
            >
              Seen
            </button>
          )}
        </span>
      )}
    </span>
  );
}
