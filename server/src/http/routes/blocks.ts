import { BlocksQuery, SessionIdParam } from '@rapporteur/shared/api';
import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { listBlocks } from '../../search/blockQueries.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, readableSession } from '../auth.ts';
import { parseOr400 } from '../errors.ts';

/**
 * `GET /api/sessions/:id/blocks?speaker=&agendaItem=&status=`: the projected speaker blocks of a
 * session with its agenda items. Readable like the session itself: published, admin, or any link.
 */
export function blockRoutes(deps: AuthDeps & { db: Database; sessions: SessionStore }) {
  return new Hono().get('/:id/blocks', async (c) => {
    const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
    const filter = parseOr400(BlocksQuery, c.req.query());
    await readableSession(c, deps, id);
    return c.json(await listBlocks(deps.db, id, filter));
  });
}
