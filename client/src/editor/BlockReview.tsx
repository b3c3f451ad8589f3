import { BLOCK_STATUSES, type BlockStatus } from '@rapporteur/shared/schema';
import type { KeyboardEvent } from 'react';
import { reviewNote } from '../record/reviewNote.ts';
import { STATUS_LABELS } from './labels.ts';
import { reviewAttrs, useReviewer } from './review.ts';

/**
 * A block's review status in its header. Editors get a select (draft → checked → final, and
 * back), which records their name and the time; everyone sees "checked by X at HH:MM".
 */
export function BlockReview({
  status,
  statusBy,
  statusAt,
  onChange,
  onKeyDown,
}: {
  status: BlockStatus;
  statusBy: string;
  statusAt: string;
  onChange(attrs: ReturnType<typeof reviewAttrs>): void;
  onKeyDown(e: KeyboardEvent<HTMLSelectElement>): void;
}) {
  const reviewer = useReviewer();
  const note = reviewNote({ status, statusBy, statusAt });
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
    </span>
  );
}
