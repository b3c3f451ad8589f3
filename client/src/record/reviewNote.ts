import { formatClock } from '../editor/time.ts';

/** What a block's review status says to a reader: "checked by Ana at 14:05", or null for a draft. */
export function reviewNote(block: { status: string; statusBy?: string; statusAt?: string }): string | null {
  if (block.status !== 'checked' && block.status !== 'final') return null;
  const by = block.statusBy?.trim();
  const at = block.statusAt ? formatClock(block.statusAt) : '';
  return `${block.status}${by ? ` by ${by}` : ''}${at ? ` at ${at}` : ''}`;
}

/**
 * What changed since the review, for the editor: "changed after check by Ben at 14:07" on a
 * checked block, "changed in review by Ben at 14:07" on a draft (the server marks note-takers'
 * changes after a check or once the session is in review); null when unmarked.
 */
export function changeNote(block: { status: string; changedBy?: string; changedAt?: string }): string | null {
  const by = block.changedBy?.trim();
  if (!by) return null;
  const at = block.changedAt ? formatClock(block.changedAt) : '';
  return `changed ${block.status === 'checked' ? 'after check' : 'in review'} by ${by}${at ? ` at ${at}` : ''}`;
}
