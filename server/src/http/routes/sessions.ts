import { Hono } from 'hono';
import { CreateSessionRequest, SessionIdParam } from '@rapporteur/shared/api';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { badRequest, notFound, parseOr400 } from '../errors.ts';

/** `/api/sessions`: create, list and read meeting sessions. */
export function sessionRoutes(deps: { sessions: SessionStore }) {
  return new Hono()
    .post('/', async (c) => {
      const body = await c.req.json().catch(() => {
        throw badRequest('body must be JSON');
      });
      const input = parseOr400(CreateSessionRequest, body);
      return c.json(await deps.sessions.create(input), 201);
    })
    .get('/', async (c) => c.json({ sessions: await deps.sessions.list() }))
    .get('/:id', async (c) => {
      const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
      const session = await deps.sessions.get(id);
      if (!session) throw notFound('session');
      return c.json(session);
    });
}
