import { dateInRange } from '@rapporteur/shared/api';
import { MAX_TITLE_LENGTH } from '@rapporteur/shared/protocol';
import { ImportRequest } from '@rapporteur/shared/record';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AccessStore } from '../../access/accessStore.ts';
import type { Database } from '../../db/database.ts';
import type { HeavyWork } from '../../heavy/index.ts';
import type { ImportSource } from '../../heavy/jobs.ts';
import type { Logger } from '../../logger.ts';
import type { UpdateLog } from '../../persistence/updateLog.ts';
import type { ProjectionSnapshot } from '../../projection/rows.ts';
import type { SessionStore } from '../../sessions/sessionStore.ts';
import { type AuthDeps, requireAdmin } from '../auth.ts';
import { badRequest, parseOr400 } from '../errors.ts';

interface ImportRouteDeps extends AuthDeps {
  db: Database;
  sessions: SessionStore;
  access: AccessStore;
  logger: Logger;
  heavy: HeavyWork;
  log: UpdateLog;
  /** Called after an import is stored with its rows (the projection, so it is searchable at once). */
  afterImport?: (projection: ProjectionSnapshot) => Promise<unknown>;
}

/** The request as an ImportRequest: a JSON body, or a text/plain body with `?title=`. */
async function readImport(c: Context): Promise<ImportRequest> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('text/plain')) {
    return parseOr400(ImportRequest, { text: await c.req.text(), title: c.req.query('title') || undefined });
  }
  const body = await c.req.json().catch(() => {
    throw badRequest('body must be JSON ({ "text": "...", "title"?: "..." } or { "record": {...} }) or text/plain');
  });
  return parseOr400(ImportRequest, body);
}

const utf8 = new TextEncoder();

/** A JSON object whose `record` member is JSON already serialised (by the worker), as bytes. */
function jsonWithRecord(
  before: Record<string, unknown>,
  recordJson: Uint8Array,
  after: Record<string, unknown>,
): Uint8Array<ArrayBuffer> {
  const head = JSON.stringify(before).slice(0, -1);
  const tail = JSON.stringify(after).slice(1);
  return Buffer.concat([
    utf8.encode(`${head}${head.length > 1 ? ',' : ''}"record":`),
    recordJson,
    utf8.encode(tail.length > 1 ? `,${tail}` : tail),
  ]) as Uint8Array<ArrayBuffer>;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** What the worker reads: the record the preview read and the user corrected, else the text. */
function sourceOf(input: ImportRequest): ImportSource {
  return input.record ? { record: input.record } : { text: input.text ?? '' };
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
 * document. `?dryRun=1` (or `/preview`) only parses, for a preview, and creates nothing. A JSON
 * body may carry the corrected `record` from the preview instead of the `text` (issue 15).
 * Parsing, the record limits (413 naming the limit) and building the document run in a worker
 * thread (heavy/), within the admin's allowance of heavy requests.
 */
export function importRoutes(deps: ImportRouteDeps) {
  const { log } = deps;

  const preview = async (c: Context) => {
    requireAdmin(c, deps);
    const input = await readImport(c);
    const parsed = await deps.heavy.admit('admin', () => deps.heavy.importRecord(sourceOf(input), false));
    return c.body(jsonWithRecord({}, parsed.recordJson, { summary: parsed.summary }), 200, JSON_TYPE);
  };

  return new Hono().post('/preview', preview).post('/', async (c) => {
    if (isDryRun(c)) return preview(c);
    requireAdmin(c, deps);
    const input = await readImport(c);
    const built = await deps.heavy.admit('admin', () => deps.heavy.importRecord(sourceOf(input), true));
    const { summary, update, projection } = built;
    if (!update || !projection) throw new Error('the import worker returned no document');
    // a date read from the title is only a guess: one outside the sane range is ignored
    const startsAt =
      input.startsAt ?? (summary.date && dateInRange(summary.date) ? `${summary.date}T00:00:00Z` : undefined);
    const session = await deps.sessions.create({ title: fitTitle(input.title ?? built.title), startsAt });
    try {
      await log.append(session.id, update);
    } catch (err) {
      // no half-imported session: without its document it would open empty
      await deps.sessions.delete(session.id).catch(() => {});
      throw err;
    }
    const links = await deps.access.mintAll(session.id);
    // best effort: the projection sweep retries anything this misses
    await deps
      .afterImport?.({ ...projection, sessionId: session.id })
      .catch((err) => deps.logger.warn('projection after import failed', { err }));
    deps.logger.info('session imported', { sessionId: session.id, blocks: summary.blocks });
    return c.body(jsonWithRecord({ session: { ...session, links } }, built.recordJson, { summary }), 201, JSON_TYPE);
  });
}
