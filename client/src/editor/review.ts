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

/** The attributes an editor's review writes. */
export type ReviewAttrs = Pick<SpeakerBlockAttrs, 'status' | 'statusBy' | 'statusAt' | 'changedBy' | 'changedAt'>;

/**
 * The attributes that record a review: who and when for checked and final; a block set back to
 * draft carries neither (the values a new block starts with). Any review clears the "changed
 * since" mark: the editor has seen the block as it is now.
 */
export function reviewAttrs(status: BlockStatus, by: string, now: Date = new Date()): ReviewAttrs {
  const seen = { changedBy: '', changedAt: '' };
  return status === 'draft'
    ? { status, statusBy: '', statusAt: '', ...seen }
    : { status, statusBy: by.trim(), statusAt: now.toISOString(), ...seen };
}
