import type { BlockStatus, SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import { createContext, useContext } from 'react';

/** Who may review blocks here, and the name a review is recorded under. */
export interface Reviewer {
  /** Editors may set a block's review status (the server reverts anyone else's change). */
  canReview: boolean;
  /** Recorded as `statusBy`. */
  name: string;
}

/** The reviewer for node views (rendered in portals under the editor, so a context reaches them). */
export const ReviewContext = createContext<Reviewer>({ canReview: false, name: '' });

/** The reviewer of the current record. */
export function useReviewer(): Reviewer {
  return useContext(ReviewContext);
}

/**
 * The attributes that record a review: who and when for checked and final; a block set back to
 * draft carries neither (the values a new block starts with).
 */
export function reviewAttrs(
  status: BlockStatus,
  by: string,
  now: Date = new Date(),
): Pick<SpeakerBlockAttrs, 'status' | 'statusBy' | 'statusAt'> {
  return status === 'draft'
    ? { status, statusBy: '', statusAt: '' }
    : { status, statusBy: by.trim(), statusAt: now.toISOString() };
}
