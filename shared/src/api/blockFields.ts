import { z } from 'zod';
import { BLOCK_STATUSES, SPEAKER_KINDS } from '../schema/attributes.ts';

/**
 * The fields every API view of a speaker block shares (projected rows, versions, diffs): where
 * it stands and its header. Each view adds what it carries beyond them.
 */
export const speakerBlockFields = {
  position: z.number().int(),
  agendaItemId: z.string().nullable(),
  speaker: z.string(),
  affiliation: z.string(),
  onBehalfOf: z.string(),
  kind: z.enum(SPEAKER_KINDS),
  /** The block's start time exactly as the document holds it ('' when unset). */
  startedAt: z.string(),
  status: z.enum(BLOCK_STATUSES),
  wordCount: z.number().int(),
};

/** Who set a block's review status and when (ISO), as the block holds them ('' when unset). */
export const reviewFields = {
  statusBy: z.string(),
  statusAt: z.string(),
};
