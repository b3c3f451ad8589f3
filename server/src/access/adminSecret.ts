/**
 * The instance's admin secret: who may create, list and import sessions and mint any link. No
 * role ever comes from a network address (behind a reverse proxy every visitor is "local"), so
 * the first start creates a random secret, stores its hash and prints the admin URL once, as
 * Jupyter does. `ADMIN_TOKEN` from the environment replaces it (nothing is stored or printed).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { hashToken, newToken } from './tokens.ts';

/** The query parameter of the admin URL (`/?admin=…`); the browser keeps it and drops it from the address. */
export const ADMIN_QUERY_PARAM = 'admin';

/** Checks a presented secret against the instance's admin secret. */
export interface AdminSecret {
  /** Whether `token` is the admin secret (constant time). */
  matches(token: string): boolean;
}

/** The outcome of loading the secret at start: the checker, and the new secret when one was just created. */
export interface LoadedAdminSecret {
  secret: AdminSecret;
  /** Set only on the start that created the secret: the one time it can be shown. */
  created: string | null;
}

function checkerFor(hashHex: string): AdminSecret {
  const expected = Buffer.from(hashHex, 'hex');
  return {
    matches: (token) => {
      const actual = Buffer.from(hashToken(token), 'hex');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/**
 * The admin secret for this instance: `fromEnv` when set; otherwise the stored one, created on the
 * first start. Concurrent first starts (a cluster) agree: only the insert that wins is printed.
 */
export async function loadAdminSecret(db: Queryable, fromEnv: string | undefined): Promise<LoadedAdminSecret> {
  if (fromEnv) return { secret: checkerFor(hashToken(fromEnv)), created: null };
  const candidate = newToken();
  const inserted = await db.query<{ secret_hash: string }>(
    'INSERT INTO admin_secret (id, secret_hash) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING secret_hash',
    [hashToken(candidate)],
  );
  if (inserted.length) return { secret: checkerFor(inserted[0]!.secret_hash), created: candidate };
  const [row] = await db.query<{ secret_hash: string }>('SELECT secret_hash FROM admin_secret WHERE id = 1');
  if (!row) throw new Error('admin secret missing after insert');
  return { secret: checkerFor(row.secret_hash), created: null };
}

/** Replace the stored secret with a new one and return it (the CLI's `admin-url --new`). */
export async function resetAdminSecret(db: Queryable): Promise<string> {
  const secret = newToken();
  await db.query(
    `INSERT INTO admin_secret (id, secret_hash) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now()`,
    [hashToken(secret)],
  );
  return secret;
}

/** The address that makes a browser admin: the server's URL with the secret as `?admin=`. */
export function adminUrl(baseUrl: string, secret: string): string {
  const url = new URL('/', baseUrl);
  url.searchParams.set(ADMIN_QUERY_PARAM, secret);
  return url.toString();
}
