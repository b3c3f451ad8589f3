import { dateRange, type SearchHit, type SearchQuery, type SearchResponse } from '@rapporteur/shared/api';
import type { Queryable } from '../db/database.ts';
import { containsPattern } from './like.ts';
import { HEADLINE_OPTIONS, HEADLINE_TRANSLATE, openingSnippet, parseHeadline } from './snippet.ts';

/** Whose sessions a search may read: everything (admin), or published ones plus a token's own. */
export type SearchScope = { all: true } | { all: false; sessionId: string | null };

interface HitRow {
  session_id: string;
  block_id: string;
  position: number;
  speaker: string;
  affiliation: string;
  on_behalf_of: string;
  kind: SearchHit['kind'];
  status: SearchHit['status'];
  session_title: string;
  starts_at: Date | string;
  spoken_at: Date | string;
  rank: number | string;
  total: number | string;
  agenda_title: string | null;
  headline: string | null;
  opening: string | null;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/** Collects `$n` parameters: every user value reaches SQL as a parameter, never as text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Full-text search over every visible speaker block: `websearch_to_tsquery` (which accepts any
 * string, so operator soup cannot make it fail), ranked with ts_rank (speaker names weigh more,
 * see the migration), snippets from ts_headline on the page only, filters, and the total count.
 */
export async function searchBlocks(db: Queryable, query: SearchQuery, scope: SearchScope): Promise<SearchResponse> {
  const params = new Params();
  const where: string[] = [];
  let from = 'speaker_blocks b JOIN sessions s ON s.id = b.session_id';
  if (query.q) {
    from += `, websearch_to_tsquery('english', ${params.add(query.q)}) AS tsq`;
    where.push('b.search @@ tsq');
  }
  if (!scope.all) where.push(scope.sessionId ? `(s.public OR s.id = ${params.add(scope.sessionId)})` : 's.public');
  if (query.speaker) where.push(`b.speaker ILIKE ${params.add(containsPattern(query.speaker))} ESCAPE '\\'`);
  if (query.affiliation) {
    const pattern = params.add(containsPattern(query.affiliation));
    where.push(`(b.affiliation ILIKE ${pattern} ESCAPE '\\' OR b.on_behalf_of ILIKE ${pattern} ESCAPE '\\')`);
  }
  if (query.session) where.push(`b.session_id = ${params.add(query.session)}`);
  const { after, before } = dateRange(query.from, query.to);
  const date = 'coalesce(b.started_ts, s.starts_at)';
  if (after) where.push(`${date} >= ${params.add(after.toISOString())}::timestamptz`);
  if (before) where.push(`${date} < ${params.add(before.toISOString())}::timestamptz`);
  const filter = `FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const filterParams = [...params.values];

  const headline = query.q
    ? `ts_headline('english', translate(left(page.text, 100000), ${params.add(HEADLINE_TRANSLATE.from)}, ${params.add(HEADLINE_TRANSLATE.to)}), page.tsq, ${params.add(HEADLINE_OPTIONS)})`
    : 'NULL';
  const sql = `
    WITH page AS (
      SELECT b.session_id, b.block_id, b.position, b.agenda_item_id, b.speaker, b.affiliation, b.on_behalf_of,
        b.kind, b.status, b.text, s.title AS session_title, s.starts_at, ${date} AS spoken_at,
        ${query.q ? 'ts_rank(b.search, tsq)' : '0'} AS rank, count(*) OVER () AS total${query.q ? ', tsq' : ''}
      ${filter}
      ORDER BY rank DESC, spoken_at DESC, b.session_id, b.position
      LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}
    )
    SELECT page.session_id, page.block_id, page.position, page.speaker, page.affiliation, page.on_behalf_of,
      page.kind, page.status, page.session_title, page.starts_at, page.spoken_at, page.rank, page.total,
      a.title AS agenda_title, ${headline} AS headline, ${query.q ? 'NULL' : 'left(page.text, 1000)'} AS opening
    FROM page LEFT JOIN agenda_items a ON a.session_id = page.session_id AND a.item_id = page.agenda_item_id
    ORDER BY page.rank DESC, page.spoken_at DESC, page.session_id, page.position`;
  const rows = await db.query<HitRow>(sql, params.values);

  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && query.offset > 0) {
    // past the last page the window count is not there: count separately
    const [c] = await db.query<{ n: number | string }>(`SELECT count(*) AS n ${filter}`, filterParams);
    total = Number(c?.n ?? 0);
  }
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    hits: rows.map((r) => ({
      sessionId: r.session_id,
      sessionTitle: r.session_title,
      sessionStartsAt: iso(r.starts_at),
      blockId: r.block_id,
      position: r.position,
      agendaItemTitle: r.agenda_title,
      speaker: r.speaker,
      affiliation: r.affiliation,
      onBehalfOf: r.on_behalf_of,
      kind: r.kind,
      status: r.status,
      date: iso(r.spoken_at),
      rank: Number(r.rank),
      snippet: r.headline !== null ? parseHeadline(r.headline) : openingSnippet(r.opening ?? ''),
    })),
  };
}
