import { z } from 'zod';
import { BLOCK_STATUSES, SPEAKER_KINDS } from '../schema/attributes.ts';
import { DATE_RANGE_MESSAGE, dateInRange, uuidInput } from './sessions.ts';

/** Longest search query accepted (a query is a few words; 10 KB of operators is an attack). */
export const MAX_QUERY_LENGTH = 500;
/** Longest filter value (speaker, affiliation, agenda item id). */
export const MAX_FILTER_LENGTH = 200;
/** Largest page of search results. */
export const MAX_SEARCH_LIMIT = 100;
/** Deepest offset: paging further than this is scraping, not reading. */
export const MAX_SEARCH_OFFSET = 10_000;

// An empty query parameter (`?speaker=`) means "no filter", as a form with a blank field sends it.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A free-text query parameter: trimmed, bounded, and without NUL (Postgres text cannot hold it). */
export function textParam(name: string, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, `${name} must be at most ${max} characters`)
      .refine((s) => !s.includes('\u0000'), `${name} may not contain NUL characters`)
      .optional(),
  );
}

/** A whole-number query parameter within bounds, with a default. */
export function intParam(name: string, min: number, max: number, fallback: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,9}$/, `${name} must be a whole number`)
      .transform(Number)
      .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
      .default(fallback),
  );
}

/** A day (`2017-01-24`) or an instant (`2017-01-24T10:00:00Z`, with offset). */
export const DateParam = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date (YYYY-MM-DD) or an ISO date-time with a time zone',
  })
  .refine(dateInRange, DATE_RANGE_MESSAGE);

/**
 * The half-open instant range [after, before) that `from` and `to` mean. A bare date is a whole
 * day in UTC, so `to=2017-01-24` includes that day.
 */
export function dateRange(from?: string, to?: string): { after?: Date; before?: Date } {
  const dayOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  const after = from ? new Date(dayOnly(from) ? `${from}T00:00:00Z` : from) : undefined;
  let before: Date | undefined;
  if (to) {
    before = new Date(dayOnly(to) ? `${to}T00:00:00Z` : to);
    before = new Date(before.getTime() + (dayOnly(to) ? 86_400_000 : 1));
  }
  return { after, before };
}

/** Query of `GET /api/search`. */
export const SearchQuery = z
  .object({
    /** Web-search syntax: words, "quoted phrases", `or`, `-excluded`. Optional when filtering. */
    q: textParam('q', MAX_QUERY_LENGTH),
    /** Part of the speaker's name (case-insensitive). */
    speaker: textParam('speaker', MAX_FILTER_LENGTH),
    /** Part of the affiliation or of "on behalf of" (case-insensitive). */
    affiliation: textParam('affiliation', MAX_FILTER_LENGTH),
    session: z.preprocess(blankToUndefined, uuidInput('session must be a session id (UUID)').optional()),
    from: z.preprocess(blankToUndefined, DateParam.optional()),
    to: z.preprocess(blankToUndefined, DateParam.optional()),
    limit: intParam('limit', 1, MAX_SEARCH_LIMIT, 20),
    offset: intParam('offset', 0, MAX_SEARCH_OFFSET, 0),
  })
  .refine(
    (s) => {
      const { after, before } = dateRange(s.from, s.to);
      return !after || !before || after < before;
    },
    { message: 'must not be after to', path: ['from'] },
  );
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of a snippet; `highlight` pieces matched the query. Plain text: render it as text. */
export const SnippetSegment = z.object({ text: z.string(), highlight: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegment>;

/** One matching statement. */
export const SearchHit = z.object({
  sessionId: z.uuid(),
  sessionTitle: z.string(),
  /** When the session starts (ISO). */
  sessionStartsAt: z.string(),
  blockId: z.string(),
  position: z.number().int(),
  agendaItemTitle: z.string().nullable(),
  speaker: z.string(),
  affiliation: z.string(),
  onBehalfOf: z.string(),
  kind: z.enum(SPEAKER_KINDS),
  status: z.enum(BLOCK_STATUSES),
  /** When the statement began if the block records it, else when the session starts (ISO). */
  date: z.string(),
  rank: z.number(),
  snippet: z.array(SnippetSegment),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Response of `GET /api/search`. */
export const SearchResponse = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(SearchHit),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
