import { SessionIdParam } from '@rapporteur/shared/api';
import { ExportQuery } from '@rapporteur/shared/record';
import { Hono } from 'hono';
import * as Y from 'yjs';
import type { AccessStore } from '../../access/accessStore.ts';
import type { RoomRegistry } from '../../collab/rooms.ts';
import type { Database } from '../../db/database.ts';
import { HTML_EXPORT_CSP, renderExport } from '../../export/index.ts';
import { UpdateLog } from '../../persistence/updateLog.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, isAdmin, requireRole } from '../auth.ts';
import { notFound, parseOr400 } from '../errors.ts';

interface ExportRouteDeps extends AuthDeps {
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  access: AccessStore;
}

/**
 * `GET /api/sessions/:id/export?format=md|html|txt|docx|json`: the minutes of a session. A room
 * loaded in this process is read live (it may hold edits not yet stored); otherwise the stored
 * update log is loaded into a throwaway document. Readable by anyone who may read the session.
 */
export function exportRoutes(deps: ExportRouteDeps) {
  const log = new UpdateLog(deps.db);

  return new Hono().get('/:id/export', async (c) => {
    const { id } = parseOr400(SessionIdParam, { id: c.req.param('id') });
    const query = parseOr400(ExportQuery, { format: c.req.query('format'), disposition: c.req.query('disposition') });
    const session = await deps.sessions.get(id);
    if (!session?.public && !isAdmin(c, deps)) await requireRole(c, deps, id, 'observer');
    if (!session) throw notFound('session');

    const room = await deps.rooms.peek(id).catch(() => undefined);
    let rendered: Awaited<ReturnType<typeof renderExport>>;
    if (room) {
      rendered = await renderExport(query.format, session, room.doc);
    } else {
      const doc = new Y.Doc();
      try {
        const { update } = await log.load(id);
        if (update) Y.applyUpdate(doc, update);
        rendered = await renderExport(query.format, session, doc);
      } finally {
        doc.destroy();
      }
    }

    const headers: Record<string, string> = {
      'Content-Type': rendered.contentType,
      'Content-Disposition': `${query.disposition}; filename="${rendered.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    // the export is user content served from our origin: forbid scripts whatever it holds
    if (query.format === 'html') headers['Content-Security-Policy'] = HTML_EXPORT_CSP;
    const body = typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body);
    return c.body(body as string | Uint8Array<ArrayBuffer>, 200, headers);
  });
}
