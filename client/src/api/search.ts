/** Typed calls to the search API (`GET /api/search`). */
import type { SearchResponse } from '@rapporteur/shared/api';
import { loadAccess, loadAdminToken } from './credentials.ts';
import { requestJson } from './http.ts';

/** What a search asks for; empty strings mean "no filter". */
export interface SearchParams {
  q?: string;
  speaker?: string;
  affiliation?: string;
  session?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  limit?: number;
  offset?: number;
}

/** The API path of a search, with only the parameters that are set. */
export function searchPath(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    qs.set(key, String(value));
  }
  const query = qs.toString();
  return query ? `/api/search?${query}` : '/api/search';
}

/**
 * The token a search should carry: the admin token searches every session; otherwise, when the
 * search is limited to one session, that session's link token; otherwise none (published
 * sessions only). The server only ever searches what the token may read.
 */
export function searchToken(session?: string): string | null {
  return loadAdminToken() ?? (session ? (loadAccess(session)?.token ?? null) : null);
}

/** Run a search. */
export function searchStatements(params: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return requestJson<SearchResponse>('GET', searchPath(params), { token: searchToken(params.session), signal });
}
