/**
 * Which database errors mean "the database cannot be reached" rather than "this statement
 * failed". The first kind is answered 503 with a reason (try again later); the second is a bug or
 * a bad input, as before.
 */

/** Socket errors of Node (the Postgres server or the path to it is gone). */
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** postgres.js's own codes for a connection that failed or went away. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * SQLSTATEs of an unreachable server: class 08 (connection exception), 57P01-57P03 (shutting down,
 * crashed, not yet accepting), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Whether an error thrown by a query means the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return SYSTEM_CODES.has(code) || DRIVER_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code);
}

/** Thrown where an answer needs the database and it is known to be unavailable. */
export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the database is unavailable: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** A short, safe description of why a query failed (error codes and driver messages only). */
export function describeFailure(err: unknown): string {
  if (err instanceof DatabaseUnavailableError) return err.reason;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `connection failed (${code})` : 'connection failed';
}
