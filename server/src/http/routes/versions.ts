import {
  CreateVersionRequest,
  type RestoreVersionResponse,
  SessionIdParam,
  type VersionDiffResponse,
  VersionDiffQuery,
  type VersionListResponse,
  VersionParams,
  type VersionResponse,
} from '@rapporteur/shared/api';
import { extractRecord } from '@rapporteur/shared/blocks';
import { diffRecords } from '@rapporteur/shared/diff';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { RoomRegistry } from '../../collab/rooms.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import type { UpdateLog } from '../../persistence/updateLog.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import {
  captureDoc,
  RestoreLockedError,
  recordOfState,
  restoreVersion,
  VersionStore,
  withCurrentDoc,
} from '../../versions/index.ts';
import { type AuthDeps, requireReader, requireRole } from '../auth.ts';
import { AppError, badRequest, notFound, parseOr400 } from '../errors.ts';
import { authorOf } from '../author.ts';

interface VersionRouteDeps extends AuthDeps {
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  logger: Logger;
  log: UpdateLog;
}

const locked = (message: string) => new AppError('locked', 423, message);

/**
 * `/api/sessions/:id/versions`: named versions (editors save and restore; the admin and any link
 * of the session list, view and compare; publishing shows the minutes, not their history). Versions hold whole document states; restoring writes a
 * new change on top of the live document, so history is never rewritten.
 */
export function versionRoutes(deps: VersionRouteDeps) {
  const store = new VersionStore(deps.db);
  const { log } = deps;
  const sessionId = (raw: string) => parseOr400(SessionIdParam, { id: raw }).id;
  const params = (c: Context) => parseOr400(VersionParams, { id: c.req.param('id'), vid: c.req.param('vid') });
  const versionOf = async (id: string, vid: string) => {
    const version = await store.get(id, vid);
    if (!version) throw notFound('version');
    return version;
  };

  return new Hono()
    .post('/:id/versions', async (c) => {
      const id = sessionId(c.req.param('id'));
      const grant = await requireRole(c, deps, id, 'editor');
      const body = await c.req.json().catch(() => {
        throw badRequest('body must be JSON');
      });
      const { name } = parseOr400(CreateVersionRequest, body);
      if (!(await deps.sessions.exists(id))) throw notFound('session');
      // store the room's pending edits first, so the version never holds text the log lacks
      const room = deps.rooms.loadedRoom(id);
      if (room && !(await room.flush(Date.now() + 5_000))) {
        deps.logger.warn('saving a version of edits not yet stored', { sessionId: id });
      }
      const captured = await withCurrentDoc(deps.rooms, log, id, captureDoc);
      const meta = await store.insert(
        { sessionId: id, name, author: authorOf(c, grant.role), kind: 'named' },
        captured,
      );
      return c.json(meta, 201);
    })
    .get('/:id/versions', async (c) => {
      const id = sessionId(c.req.param('id'));
      await requireReader(c, deps, id);
      return c.json({ versions: await store.list(id) } satisfies VersionListResponse);
    })
    .get('/:id/versions/:vid', async (c) => {
      const { id, vid } = params(c);
      await requireReader(c, deps, id);
      const version = await versionOf(id, vid);
      return c.json({ version: version.meta, record: recordOfState(version.state) } satisfies VersionResponse);
    })
    .get('/:id/versions/:vid/diff', async (c) => {
      const { id, vid } = params(c);
      const { against } = parseOr400(VersionDiffQuery, { against: c.req.query('against') });
      await requireReader(c, deps, id);
      const from = await versionOf(id, vid);
      const to = against === 'current' ? null : await versionOf(id, against);
      const after = to ? recordOfState(to.state) : await withCurrentDoc(deps.rooms, log, id, extractRecord);
      const diff = diffRecords(recordOfState(from.state), after);
      return c.json({ from: from.meta, to: to?.meta ?? null, diff } satisfies VersionDiffResponse);
    })
    .post('/:id/versions/:vid/restore', async (c) => {
      const { id, vid } = params(c);
      const grant = await requireRole(c, deps, id, 'editor');
      const version = await versionOf(id, vid);
      const session = await deps.sessions.get(id);
      if (!session) throw notFound('session');
      if (session.status === 'final') throw locked('the session is final: reopen it before restoring a version');
      try {
        const result = await restoreVersion(
          { rooms: deps.rooms, store, logger: deps.logger },
          id,
          version,
          authorOf(c, grant.role),
        );
        return c.json({ restored: version.meta, ...result } satisfies RestoreVersionResponse);
      } catch (err) {
        if (err instanceof RestoreLockedError) throw locked(err.message);
        throw err;
      }
    });
}
