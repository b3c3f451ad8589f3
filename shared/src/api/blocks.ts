import { z } from 'zod';
import { BLOCK_STATUSES } from '../schema/attributes.ts';
import { reviewFields, speakerBlockFields } from './blockFields.ts';
import { MAX_FILTER_LENGTH, textParam } from './search.ts';

/** Query of `GET /api/sessions/:id/blocks`; every filter is optional. */
export const BlocksQuery = z.object({
  /** Part of the speaker's name (case-insensitive). */
  speaker: textParam('speaker', MAX_FILTER_LENGTH),
  /** An agenda item id, as listed in `agendaItems`. */
  agendaItem: textParam('agendaItem', MAX_FILTER_LENGTH),
  status: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(BLOCK_STATUSES, { error: `status must be one of ${BLOCK_STATUSES.join(', ')}` }).optional(),
  ),
});
export type BlocksQuery = z.infer<typeof BlocksQuery>;

/** A speaker block as projected from the live document. */
export const ProjectedBlock = z.object({
  id: z.string(),
  ...speakerBlockFields,
  ...reviewFields,
  text: z.string(),
  /** When this row last changed (ISO). */
  updatedAt: z.string(),
});
export type ProjectedBlock = z.infer<typeof ProjectedBlock>;

/** An agenda item as projected. */
export const ProjectedAgendaItem = z.object({ id: z.string(), position: z.number().int(), title: z.string() });
export type ProjectedAgendaItem = z.infer<typeof ProjectedAgendaItem>;

/** Response of `GET /api/sessions/:id/blocks`: every agenda item, and the blocks that match. */
export const BlocksResponse = z.object({
  sessionId: z.uuid(),
  /** When the rows were last projected (ISO), or null if the session was never projected. */
  projectedAt: z.string().nullable(),
  agendaItems: z.array(ProjectedAgendaItem),
  blocks: z.array(ProjectedBlock),
});
export type BlocksResponse = z.infer<typeof BlocksResponse>;
