/**
 * API requests during a database outage are answered at once: 503 `database_unavailable` with
 * the reason and a Retry-After, instead of a 500 after each request's own connection timeout
 * (5-8 s with Postgres; issue 12, item 8). A request already waiting when the monitor notices the
 * outage is answered then; what it started goes on in the background (its writes are retried or
 * fail as before, nothing is half-applied by answering early).
 */
import type { MiddlewareHandler } from 'hono';
import type { DatabaseMonitor } from '../db/monitor.ts';
import { AppError } from './errors.ts';

/** The 503 of an unavailable database. */
export const databaseUnavailable = (reason: string | null) =>
  new AppError(
    'database_unavailable',
    503,
    `the database is unavailable (${reason ?? 'no answer'}); try again in a few seconds`,
  );

/** Middleware: refuse at once while the database is known to be down, or as soon as it is noticed. */
export function databaseGate(monitor: DatabaseMonitor): MiddlewareHandler {
  return async (_c, next) => {
    if (!monitor.available) throw databaseUnavailable(monitor.reason);
    let unsubscribe = () => {};
    const noticed = new Promise<'unavailable'>((resolve) => {
      unsubscribe = monitor.onUnavailable(() => resolve('unavailable'));
    });
    const handled = next().then(() => 'handled' as const);
    handled.catch(() => {});
    try {
      if ((await Promise.race([handled, noticed])) === 'unavailable') throw databaseUnavailable(monitor.reason);
    } finally {
      unsubscribe();
    }
  };
}
