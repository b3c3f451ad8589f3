import { SessionIdParam } from '@rapporteur/shared/api';
import { ExportQuery } from '@rapporteur/shared/record';
import { Hono } from 'hono';
import type { AccessStore } from '../../access/accessStore.ts';
import type { RoomRegistry } from '../../collab/rooms.ts';
import type { Database } from '../../db/database.ts';
import { HTML_EXPORT_CSP } from '../../export/index.ts';
import type { HeavyWork } from '../../heavy/index.ts';
import type { UpdateLog } from '../../persistence/updateLog.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { currentDoc } from '../../versions/index.ts';
import { type AuthDeps, heavyClientOf, readableSession } from '../auth.ts';
import { parseOr400 } from '../errors.ts';

interface ExportRouteDeps extends AuthDeps {
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  access: AccessStore;
  heavy: HeavyWork;
  log: UpdateLog;
}

/**
 * `GET /api/sessions/:id/export?format=md|html|txt|docx|json`: the minutes of a session. A room
 * loaded in this process is read live (it may hold edits not yet stored); otherwise the stored
 * update log is rendered from its rows. Readable by anyone who may read the session. Rendering
 * runs in a worker thread (a 3,000-block record takes seconds), within the client's allowance of
 * heavy requests.
 */
export function exportRoutes(deps: ExportRouteDeps) {
  return new Hono().get('/:id/export', async (c) => {
    const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
    const query = parseOr400(ExportQuery, { format: c.req.query('format'), disposition: c.req.query('disposition') });
    const session = await readableSession(c, deps, id);

    const rendered = await deps.heavy.admit(await heavyClientOf(c, deps), async () => {
      const current = await currentDoc(deps.rooms, deps.log, id);
      if (current.live) return deps.heavy.exportLive(current.live, query.format, session);
      return deps.heavy.exportStored(current.rows, query.format, session);
    });

    const headers: Record<string, string> = {
      'Content-Type': rendered.contentType,
      'Content-Disposition': `${query.disposition}; filename="${rendered.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    // the export is user content served from our origin: forbid scripts whatever it holds
    if (query.format === 'html') headers['Content-Security-Policy'] = HTML_EXPORT_CSP;
    return c.body(rendered.body as Uint8Array<ArrayBuffer>, 200, headers);
  });
}
