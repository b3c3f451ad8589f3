import {
  CreateRegistryEntryRequest,
  PatchRegistryEntryRequest,
  RegistryIdParam,
  RegistryQuery,
  SessionIdParam,
  SessionSpeakersQuery,
} from '@rapporteur/shared/api';
import { roleAtLeast } from '@rapporteur/shared/api';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { RegistryConflict, RegistryStore, sessionSpeakers } from '../../registry/index.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, forbidden, isAdmin, requestToken, requireRole, unauthorized } from '../auth.ts';
import { AppError, badRequest, notFound, parseOr400 } from '../errors.ts';

interface RegistryRouteDeps extends AuthDeps {
  db: Database;
  sessions: SessionStore;
  logger?: Logger;
}

async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => {
    throw badRequest('body must be JSON');
  });
}

/**
 * Reading the registry needs a note-taker or editor link of any session (or admin). Not public:
 * besides public facts (States, UN bodies) it holds the names of people that sessions added,
 * some of them from meetings that were never published. Not observers either: observer links
 * are handed out widely, and autocomplete is a writing aid they have no use for.
 */
async function requireWriter(c: Context, deps: AuthDeps, needed: 'note-taker' | 'editor'): Promise<void> {
  if (isAdmin(c, deps)) return;
  const grant = await deps.access.resolve(requestToken(c));
  if (!grant) throw unauthorized();
  if (!roleAtLeast(grant.role, needed)) throw forbidden(`this needs a ${needed} link`);
}

/**
 * `/api/registry` (directory of who can take the floor: search, add, correct) and
 * `/api/sessions/:id/speakers` (who spoke in a session, unknown names, suggestions).
 * Mounted at `/api`.
 */
export function registryRoutes(deps: RegistryRouteDeps) {
  const store = new RegistryStore(deps.db, deps.logger);

  return new Hono()
    .get('/registry', async (c) => {
      await requireWriter(c, deps, 'note-taker');
      const query = parseOr400(RegistryQuery, c.req.query());
      return c.json(await store.search(query));
    })
    .post('/registry', async (c) => {
      const input = parseOr400(CreateRegistryEntryRequest, await jsonBody(c));
      if (isAdmin(c, deps)) {
        if (!(await deps.sessions.exists(input.sessionId))) throw notFound('session');
      } else {
        await requireRole(c, deps, input.sessionId, 'note-taker');
      }
      const { entry, created } = await store.create(input);
      return c.json({ ...entry, created }, created ? 201 : 200);
    })
    .patch('/registry/:id', async (c) => {
      await requireWriter(c, deps, 'editor');
      const { id } = parseOr400(RegistryIdParam, { id: c.req.param('id') });
      const patch = parseOr400(PatchRegistryEntryRequest, await jsonBody(c));
      try {
        const entry = await store.patch(id, patch);
        if (!entry) throw notFound('registry entry');
        return c.json(entry);
      } catch (err) {
        if (err instanceof RegistryConflict) throw new AppError('conflict', 409, err.message);
        throw err;
      }
    })
    .get('/sessions/:id/speakers', async (c) => {
      const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
      const query = parseOr400(SessionSpeakersQuery, c.req.query());
      if (isAdmin(c, deps)) {
        if (!(await deps.sessions.exists(id))) throw notFound('session');
      } else {
        await requireRole(c, deps, id, 'note-taker');
      }
      return c.json(await sessionSpeakers(deps.db, id, await store.all(), query));
    });
}
