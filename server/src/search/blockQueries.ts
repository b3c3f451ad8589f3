import type { BlocksQuery, BlocksResponse, ProjectedBlock } from '@rapporteur/shared/api';
import type { Queryable } from '../db/database.ts';
import { containsPattern } from './like.ts';

interface Row {
  projected_at: string | null;
  items: BlocksResponse['agendaItems'] | null;
  blocks: (Omit<ProjectedBlock, 'updatedAt'> & { updatedAt: string })[] | null;
}

const iso = (v: string) => new Date(v).toISOString();

/**
 * A session's projected agenda items and the speaker blocks matching the filters, in document
 * order. One statement (JSON aggregates) so items and blocks come from the same snapshot even
 * while a projection commits.
 */
export async function listBlocks(db: Queryable, sessionId: string, filter: BlocksQuery): Promise<BlocksResponse> {
  const params: unknown[] = [sessionId];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['b.session_id = $1'];
  if (filter.speaker) where.push(`b.speaker ILIKE ${add(containsPattern(filter.speaker))} ESCAPE '\\'`);
  if (filter.agendaItem) where.push(`b.agenda_item_id = ${add(filter.agendaItem)}`);
  if (filter.status) where.push(`b.status = ${add(filter.status)}`);
  const [row] = await db.query<Row>(
    `SELECT
      (SELECT to_json(projected_at) FROM projection_state WHERE session_id = $1 AND version >= 0) AS projected_at,
      (SELECT json_agg(json_build_object('id', item_id, 'position', position, 'title', title) ORDER BY position)
        FROM agenda_items WHERE session_id = $1) AS items,
      (SELECT json_agg(json_build_object('id', b.block_id, 'position', b.position, 'agendaItemId', b.agenda_item_id,
          'speaker', b.speaker, 'affiliation', b.affiliation, 'onBehalfOf', b.on_behalf_of, 'kind', b.kind,
          'startedAt', b.started_at, 'status', b.status, 'statusBy', b.status_by, 'statusAt', b.status_at,
          'text', b.text, 'wordCount', b.word_count, 'updatedAt', b.updated_at) ORDER BY b.position)
        FROM speaker_blocks b WHERE ${where.join(' AND ')}) AS blocks`,
    params,
  );
  return {
    sessionId,
    projectedAt: row?.projected_at ? iso(row.projected_at) : null,
    agendaItems: row?.items ?? [],
    blocks: (row?.blocks ?? []).map((b) => ({ ...b, updatedAt: iso(b.updatedAt) })),
  };
}
