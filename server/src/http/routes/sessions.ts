import { Hono } from 'hono';
import {
  CreateSessionRequest,
  MintLinkRequest,
  SessionIdParam,
  SetPublicRequest,
  SetStatusRequest,
  linkPath,
} from '@rapporteur/shared/api';
import type { AccessStore } from '../../access/accessStore.ts';
import type { RoomControl } from '../../collab/roomControl.ts';
import type { RoomRegistry } from '../../collab/rooms.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { authorOf } from '../author.ts';
import {
  type AuthDeps,
  forbidden,
  isAdmin,
  readableSession,
  requestToken,
  requireAdmin,
  requireRole,
} from '../auth.ts';
import { badRequest, notFound, parseOr400, unavailable } from '../errors.ts';

interface SessionRouteDeps extends AuthDeps {
  sessions: SessionStore;
  access: AccessStore;
  rooms: RoomRegistry;
  control: RoomControl;
}

async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  return c.req.json().catch(() => {
    throw badRequest('body must be JSON');
  });
}

/** `/api/sessions`: create and list (admin), read, links, status and publication (by role). */
export function sessionRoutes(deps: SessionRouteDeps) {
  const sessionId = (raw: string) => parseOr400(SessionIdParam, { id: raw }).id;

  return new Hono()
    .post('/', async (c) => {
      requireAdmin(c, deps);
      const input = parseOr400(CreateSessionRequest, await jsonBody(c));
      const session = await deps.sessions.create(input);
      const links = await deps.access.mintAll(session.id);
      deps.rooms.prefetch(session.id); // whoever made it usually opens it next
      return c.json({ ...session, links }, 201);
    })
    .get('/', async (c) => {
      requireAdmin(c, deps);
      return c.json({ sessions: await deps.sessions.list() });
    })
    .get('/:id', async (c) => {
      const id = sessionId(c.req.param('id'));
      const session = await readableSession(c, deps, id);
      deps.rooms.prefetch(id); // the page asking for it opens its socket next
      return c.json(session);
    })
    .get('/:id/me', async (c) => {
      const id = sessionId(c.req.param('id'));
      const grant = await deps.access.resolve(requestToken(c));
      if (grant && grant.sessionId !== id) throw forbidden('this token belongs to another session');
      if (grant) deps.rooms.prefetch(id); // a page with a working link opens its socket next
      return c.json({ sessionId: id, role: grant?.role ?? null, admin: isAdmin(c, deps) });
    })
    .post('/:id/links', async (c) => {
      const id = sessionId(c.req.param('id'));
      if (!isAdmin(c, deps)) await requireRole(c, deps, id, 'editor');
      if (!(await deps.sessions.exists(id))) throw notFound('session');
      const input = parseOr400(MintLinkRequest, await jsonBody(c));
      const { token, revoked } = await deps.access.mint(id, input.role, { rotate: input.rotate });
      // old links stop working at once: close the sockets opened with them
      const closed = deps.control.revoke(id, revoked);
      return c.json({ role: input.role, link: linkPath(id, input.role, token), revoked: revoked.length, closed }, 201);
    })
    .post('/:id/status', async (c) => {
      const id = sessionId(c.req.param('id'));
      await requireRole(c, deps, id, 'editor');
      const { status } = parseOr400(SetStatusRequest, await jsonBody(c));
      const by = authorOf(c, 'editor');
      if (status === 'final' && !(await deps.control.finalise(id))) {
        throw unavailable('the last edits could not be stored; the session stays open — try again');
      }
      const session = await deps.sessions.setStatus(id, status, by);
      if (!session) throw notFound('session');
      deps.control.setSessionState(id, session);
      return c.json(session);
    })
    .post('/:id/public', async (c) => {
      const id = sessionId(c.req.param('id'));
      await requireRole(c, deps, id, 'editor');
      const input = parseOr400(SetPublicRequest, await jsonBody(c));
      const session = await deps.sessions.setPublic(id, input.public);
      if (!session) throw notFound('session');
      deps.control.setSessionState(id, session);
      return c.json(session);
    });
}
