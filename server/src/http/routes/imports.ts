import { dateInRange } from '@rapporteur/shared/api';
import { MAX_TITLE_LENGTH } from '@rapporteur/shared/protocol';
import { ImportRequest, type ParsedRecord, parseText, summarise } from '@rapporteur/shared/record';
import { Hono } from 'hono';
import type { Context } from 'hono';
import * as Y from 'yjs';
import type { AccessStore } from '../../access/accessStore.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';
import { UpdateLog } from '../../persistence/updateLog.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, requireAdmin } from '../auth.ts';
import { badRequest, parseOr400 } from '../errors.ts';

interface ImportRouteDeps extends AuthDeps {
  db: Database;
  sessions: SessionStore;
  access: AccessStore;
  logger: Logger;
  /** Called after an import is stored (the projection, so it is searchable at once). */
  afterImport?: (sessionId: string) => Promise<unknown>;
}

/** The request as an ImportRequest: a JSON body, or a text/plain body with `?title=`. */
async function readImport(c: Context): Promise<ImportRequest> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('text/plain')) {
    return parseOr400(ImportRequest, { text: await c.req.text(), title: c.req.query('title') || undefined });
  }
  const body = await c.req.json().catch(() => {
    throw badRequest('body must be JSON ({ "text": "...", "title"?: "..." }) or text/plain');
  });
  return parseOr400(ImportRequest, body);
}

/** Parse, refusing a text in which nothing of a record was found (only furniture, say). */
function parseOr400Empty(text: string): ParsedRecord {
  const record = parseText(text);
  if (record.sections.length === 0)
    throw badRequest('no record found in the text: no statements, headings or paragraphs');
  return record;
}

/** A title that fits the sessions table: long ones are cut between words. */
function fitTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_TITLE_LENGTH) return t;
  return `${t.slice(0, MAX_TITLE_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

const isDryRun = (c: Context) => ['1', 'true', 'yes'].includes(c.req.query('dryRun') ?? '');

/**
 * `/api/sessions/import`: create a session from a plain-text record. The parsed document is
 * stored as the first row of the session's update log, so the room loads it like any other
 * document. `?dryRun=1` (or `/preview`) only parses, for a preview, and creates nothing.
 */
export function importRoutes(deps: ImportRouteDeps) {
  const log = new UpdateLog(deps.db);

  const preview = async (c: Context) => {
    requireAdmin(c, deps);
    const record = parseOr400Empty((await readImport(c)).text);
    return c.json({ record, summary: summarise(record) });
  };

  return new Hono().post('/preview', preview).post('/', async (c) => {
    if (isDryRun(c)) return preview(c);
    requireAdmin(c, deps);
    const input = await readImport(c);
    const record = parseOr400Empty(input.text);
    const summary = summarise(record);
    // a date read from the title is only a guess: one outside the sane range is ignored
    const startsAt =
      input.startsAt ?? (summary.date && dateInRange(summary.date) ? `${summary.date}T00:00:00Z` : undefined);
    const session = await deps.sessions.create({ title: fitTitle(input.title ?? record.title), startsAt });
    // the editor schema is loaded on the first import, not at start-up
    const { recordToDoc } = await import('@rapporteur/shared/record/toDoc');
    const doc = recordToDoc(record);
    try {
      await log.append(session.id, Y.encodeStateAsUpdate(doc));
    } catch (err) {
      // no half-imported session: without its document it would open empty
      await deps.db.query('DELETE FROM sessions WHERE id = $1', [session.id]).catch(() => {});
      throw err;
    } finally {
      doc.destroy();
    }
    const links = await deps.access.mintAll(session.id);
    // best effort: the projection sweep retries anything this misses
    await deps.afterImport?.(session.id).catch((err) => deps.logger.warn('projection after import failed', { err }));
    deps.logger.info('session imported', { sessionId: session.id, blocks: summary.blocks });
    return c.json({ session: { ...session, links }, record, summary }, 201);
  });
}
