import { SearchQuery } from '@rapporteur/shared/api';
import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { type SearchScope, searchBlocks } from '../../search/searchQuery.ts';
import { type AuthDeps, isAdmin, requestToken, unauthorized } from '../auth.ts';
import { parseOr400 } from '../errors.ts';

/**
 * `GET /api/search?q=&speaker=&affiliation=&session=&from=&to=&limit=&offset=`: full-text search
 * across sessions. Only what the caller may read is searched: published sessions, plus the
 * session of the caller's link, or everything for the admin. Private minutes never leak here.
 */
export function searchRoutes(deps: AuthDeps & { db: Database }) {
  return new Hono().get('/', async (c) => {
    const query = parseOr400(SearchQuery, c.req.query());
    let scope: SearchScope = { all: false, sessionId: null };
    if (isAdmin(c, deps)) {
      scope = { all: true };
    } else {
      const token = requestToken(c);
      if (token !== null) {
        const grant = await deps.access.resolve(token);
        // a revoked or mistyped link should say so, not silently search less
        if (!grant) throw unauthorized('this link is not valid (revoked or mistyped)');
        scope = { all: false, sessionId: grant.sessionId };
      }
    }
    return c.json(await searchBlocks(deps.db, query, scope));
  });
}
