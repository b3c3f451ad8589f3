import { type Role, roleAtLeast, type Session, TOKEN_QUERY_PARAM } from '@rapporteur/shared/api';
import type { Context } from 'hono';
import type { AccessStore, TokenGrant } from '../access/accessStore.ts';
import type { AdminSecret } from '../access/adminSecret.ts';
import type { SessionStore } from '../sessions/sessionStore.ts';
import { AppError, notFound } from './errors.ts';

export interface AuthDeps {
  access: AccessStore;
  /** The instance's admin secret (never a network address: behind a proxy everyone is local). */
  admin: AdminSecret;
}

export const unauthorized = (message = 'a valid token is required') => new AppError('unauthorized', 401, message);
export const forbidden = (message = 'this token does not grant that') => new AppError('forbidden', 403, message);

/** The bearer token of a request (`Authorization: Bearer …`, or `?token=` for links). */
export function requestToken(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return c.req.query(TOKEN_QUERY_PARAM) ?? null;
}

/** Whether the request carries the admin secret (create and list sessions, mint any link). */
export function isAdmin(c: Context, deps: AuthDeps): boolean {
  const token = requestToken(c);
  return token !== null && deps.admin.matches(token);
}

/** Require the admin secret, or answer 401. */
export function requireAdmin(c: Context, deps: AuthDeps): void {
  if (!isAdmin(c, deps)) {
    throw unauthorized('this needs the admin URL the server printed when it first started');
  }
}

/**
 * Require a token for `sessionId` granting at least `needed`: 401 without a valid token, 403 for a
 * token of another session or of a weaker role.
 */
export async function requireRole(c: Context, deps: AuthDeps, sessionId: string, needed: Role): Promise<TokenGrant> {
  const grant = await deps.access.resolve(requestToken(c));
  if (!grant) throw unauthorized();
  if (grant.sessionId !== sessionId) throw forbidden('this token belongs to another session');
  if (!roleAtLeast(grant.role, needed)) throw forbidden(`this needs the ${needed} link`);
  return grant;
}

/**
 * Require the admin secret or any link of `sessionId` (observer and up): who may read a session's
 * history. Strangers get 401/403 whether or not the session exists, so ids are not confirmed.
 */
export async function requireReader(c: Context, deps: AuthDeps, sessionId: string): Promise<void> {
  if (!isAdmin(c, deps)) await requireRole(c, deps, sessionId, 'observer');
}

/**
 * The session a request may read, or 401/403/404: the admin, any link of the session, or anyone
 * once it is published. Access is decided before existence, so a stranger cannot probe ids.
 */
export async function readableSession(
  c: Context,
  deps: AuthDeps & { sessions: SessionStore },
  sessionId: string,
): Promise<Session> {
  const session = await deps.sessions.get(sessionId);
  if (!session?.public) await requireReader(c, deps, sessionId);
  if (!session) throw notFound('session');
  return session;
}

/**
 * Who a heavy request counts against (heavy/heavyGate.ts): the admin, or the capability token by
 * its hash; null for an anonymous reader of a public session. Never a network address.
 */
export async function heavyClientOf(c: Context, deps: AuthDeps): Promise<string | null> {
  // a link's token first: each link has its own allowance, whoever else holds the admin secret
  const grant = await deps.access.resolve(requestToken(c));
  if (grant) return `token:${grant.tokenHash}`;
  return isAdmin(c, deps) ? 'admin' : null;
}
