import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../protocol/limits.ts';

/**
 * A UUID in a request, lower-cased: ids are compared as strings (rooms, token grants, caches), so
 * `6F1C…` and `6f1c…` must be one session, not two disconnected rooms.
 */
export const uuidInput = (message?: string) => z.uuid(message).transform((s) => s.toLowerCase());

/**
 * Instants a request may name: from 1900 to 2199. Postgres refuses year 0 (and JavaScript dates
 * reach years Postgres cannot store); minutes from before 1900 or after 2199 are a typing slip.
 */
export const EARLIEST_DATE = '1900-01-01T00:00:00Z';
export const LATEST_DATE = '2200-01-01T00:00:00Z';

/** Whether an ISO date or date-time lies within [EARLIEST_DATE, LATEST_DATE). */
export function dateInRange(iso: string): boolean {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(t) && t >= Date.parse(EARLIEST_DATE) && t < Date.parse(LATEST_DATE);
}

/** The message of a date outside the range. */
export const DATE_RANGE_MESSAGE = 'must be between the years 1900 and 2199';

/** Lifecycle of a session: live while minuted, in review, final (locked). */
export const SessionStatus = z.enum(['live', 'review', 'final']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Body of `POST /api/sessions`. */
export const CreateSessionRequest = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(MAX_TITLE_LENGTH, `title must be at most ${MAX_TITLE_LENGTH} characters`)
    .refine((t) => !t.includes('\u0000'), 'title may not contain NUL characters'),
  /** When the meeting starts (ISO 8601); defaults to the time of creation. */
  startsAt: z.iso
    .datetime({ offset: true, error: 'startsAt must be an ISO date-time with a time zone' })
    .refine(dateInRange, `startsAt ${DATE_RANGE_MESSAGE}`)
    .optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

/** A session as the API returns it. */
export const Session = z.object({
  id: z.uuid(),
  title: z.string(),
  status: SessionStatus,
  /** Readable without a token (observer view) once the editor publishes it. */
  public: z.boolean(),
  startsAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof Session>;

/** Path parameter of session routes. */
export const SessionIdParam = z.object({ id: uuidInput('session id must be a UUID') });

/** The error body every failing API call returns. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

/** Body of `POST /api/sessions/:id/status` (editors). Going to `final` locks the document. */
export const SetStatusRequest = z.object({ status: SessionStatus });
export type SetStatusRequest = z.infer<typeof SetStatusRequest>;

/** Body of `POST /api/sessions/:id/public` (editors). */
export const SetPublicRequest = z.object({ public: z.boolean() });
export type SetPublicRequest = z.infer<typeof SetPublicRequest>;
