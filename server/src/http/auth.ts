import { getConnInfo } from '@hono/node-server/conninfo';
import { type Role, roleAtLeast, TOKEN_QUERY_PARAM } from '@rapporteur/shared/api';
import type { Context } from 'hono';
import type { AccessStore, TokenGrant } from '../access/accessStore.ts';
import { secretEquals } from '../access/tokens.ts';
import { AppError } from './errors.ts';

export interface AuthDeps {
  access: AccessStore;
  /** The instance's admin secret; when unset, requests from the loopback address are admin. */
  adminToken?: string;
}

export const unauthorized = (message = 'a valid token is required') => new AppError('unauthorized', 401, message);
export const forbidden = (message = 'this token does not grant that') => new AppError('forbidden', 403, message);

/** The bearer token of a request (`Authorization: Bearer …`, or `?token=` for links). */
export function requestToken(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return c.req.query(TOKEN_QUERY_PARAM) ?? null;
}

function isLoopback(c: Context): boolean {
  try {
    const address = getConnInfo(c).remote.address ?? '';
    return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  } catch {
    return false; // no socket behind the request (app.request in tests): not loopback
  }
}

/** Whether the request may administer the instance (create and list sessions, mint links). */
export function isAdmin(c: Context, deps: AuthDeps): boolean {
  if (deps.adminToken) {
    const token = requestToken(c);
    return token !== null && secretEquals(token, deps.adminToken);
  }
  return isLoopback(c);
}

/** Require admin rights, or answer 401 (no credentials) / 403 (not from loopback). */
export function requireAdmin(c: Context, deps: AuthDeps): void {
  if (isAdmin(c, deps)) return;
  if (deps.adminToken) throw unauthorized('the admin token is required');
  throw forbidden('sessions can only be created from this machine unless ADMIN_TOKEN is set');
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
 * Who a heavy request counts against (heavy/heavyGate.ts): the admin, or the capability token by
 * its hash; null for an anonymous reader of a public session. Never a network address.
 */
export async function heavyClientOf(c: Context, deps: AuthDeps): Promise<string | null> {
  // a link's token first: without ADMIN_TOKEN every loopback request is admin, and readers
  // behind a local reverse proxy must not all share the admin's allowance
  const grant = await deps.access.resolve(requestToken(c));
  if (grant) return `token:${grant.tokenHash}`;
  return isAdmin(c, deps) ? 'admin' : null;
}
