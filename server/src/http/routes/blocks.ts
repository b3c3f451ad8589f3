import { BlocksQuery, SessionIdParam } from '@rapporteur/shared/api';
import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { listBlocks } from '../../search/blockQueries.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, isAdmin, requireRole } from '../auth.ts';
import { notFound, parseOr400 } from '../errors.ts';

/**
 * `GET /api/sessions/:id/blocks?speaker=&agendaItem=&status=`: the projected speaker blocks of a
 * session with its agenda items. Readable like the session itself: published, admin, or any link.
 */
export function blockRoutes(deps: AuthDeps & { db: Database; sessions: SessionStore }) {
  return new Hono().get('/:id/blocks', async (c) => {
    const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
    const filter = parseOr400(BlocksQuery, c.req.query());
    const session = await deps.sessions.get(id);
    if (!session?.public && !isAdmin(c, deps)) await requireRole(c, deps, id, 'observer');
    if (!session) throw notFound('session');
    return c.json(await listBlocks(deps.db, id, filter));
  });
}
