import { formatClock } from '../editor/time.ts';

/** What a block's review status says to a reader: "checked by Ana at 14:05", or null for a draft. */
export function reviewNote(block: { status: string; statusBy?: string; statusAt?: string }): string | null {
  if (block.status !== 'checked' && block.status !== 'final') return null;
  const by = block.statusBy?.trim();
  const at = block.statusAt ? formatClock(block.statusAt) : '';
  return `${block.status}${by ? ` by ${by}` : ''}${at ? ` at ${at}` : ''}`;
}
