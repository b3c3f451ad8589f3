import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** An error with a stable id and the HTTP status it maps to (mapped once, in app.onError). */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message: string,
    /** Response headers the error needs (Retry-After on 429 and 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string) => new AppError('bad_request', 400, message);
export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found`);
export const payloadTooLarge = (limit: number) =>
  new AppError('payload_too_large', 413, `request body exceeds ${limit} bytes`);
export const unavailable = (message: string) => new AppError('unavailable', 503, message);
/** 429: this client already has as many heavy requests running as it may. */
export const tooManyRequests = (message: string, retryAfterS: number) =>
  new AppError('too_many_requests', 429, message, { 'Retry-After': String(retryAfterS) });

/** Parse with a zod schema, turning its issues into one readable 400. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw badRequest(message);
}
