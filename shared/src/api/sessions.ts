import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../protocol/limits.ts';

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
  startsAt: z.iso.datetime({ offset: true }).optional(),
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
export const SessionIdParam = z.object({ id: z.uuid('session id must be a UUID') });

/** The error body every failing API call returns. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

/** Body of `POST /api/sessions/:id/status` (editors). Going to `final` locks the document. */
export const SetStatusRequest = z.object({ status: SessionStatus });
export type SetStatusRequest = z.infer<typeof SetStatusRequest>;

/** Body of `POST /api/sessions/:id/public` (editors). */
export const SetPublicRequest = z.object({ public: z.boolean() });
export type SetPublicRequest = z.infer<typeof SetPublicRequest>;
