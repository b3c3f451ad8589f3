import { linkPath, ROLES, type Role, type SessionLinks } from '@rapporteur/shared/api';
import type { Database } from '../db/database.ts';
import { type OutagePolicy, unlessUnavailable } from '../db/monitor.ts';
import { hashToken, newToken, plausibleToken } from './tokens.ts';
import { TtlCache } from './ttlCache.ts';

/** How long a resolved token is trusted without asking the database again (another process's rotation). */
const GRANT_TTL_MS = 5_000;

/**
 * How long the database's last answer about a token may stand in for it while the database is
 * unavailable (only for sockets to rooms in memory: see resolve()).
 */
const LAST_KNOWN_TTL_MS = 60 * 60_000;

/** What a valid token grants. */
export interface TokenGrant {
  sessionId: string;
  role: Role;
  tokenHash: string;
}

/** Capability tokens of sessions: minted, resolved, revoked. Only hashes are stored. */
export class AccessStore {
  private readonly grants = new TtlCache<string, TokenGrant | null>(GRANT_TTL_MS);
  /** The database's last answer per token hash (null: unknown or revoked), for outages. */
  private readonly lastKnown = new TtlCache<string, TokenGrant | null>(LAST_KNOWN_TTL_MS);

  constructor(private readonly db: Database) {}

  /** Mint a token for a role; with `rotate`, revoke the role's other tokens. Returns the token. */
  async mint(
    sessionId: string,
    role: Role,
    opts: { rotate?: boolean } = {},
  ): Promise<{ token: string; revoked: string[] }> {
    const token = newToken();
    const tokenHash = hashToken(token);
    const revoked = await this.db.transaction(async (tx) => {
      let gone: string[] = [];
      if (opts.rotate) {
        const rows = await tx.query<{ token_hash: string }>(
          'UPDATE session_tokens SET revoked_at = now() WHERE session_id = $1 AND role = $2 AND revoked_at IS NULL RETURNING token_hash',
          [sessionId, role],
        );
        gone = rows.map((r) => r.token_hash);
      }
      await tx.query('INSERT INTO session_tokens (token_hash, session_id, role) VALUES ($1, $2, $3)', [
        tokenHash,
        sessionId,
        role,
      ]);
      return gone;
    });
    for (const hash of revoked) {
      this.grants.delete(hash); // this process forgets them at once
      this.lastKnown.set(hash, null); // and an outage cannot bring them back
    }
    // and knows the new one: whoever opens a link just made joins without a look-up
    const grant = { sessionId, role, tokenHash };
    this.grants.set(tokenHash, grant);
    this.lastKnown.set(tokenHash, grant);
    return { token, revoked };
  }

  /** Mint one link per role (at session creation). */
  async mintAll(sessionId: string): Promise<SessionLinks> {
    const links: Partial<Record<Role, string>> = {};
    for (const role of ROLES) links[role] = linkPath(sessionId, role, (await this.mint(sessionId, role)).token);
    return { observer: links.observer!, noteTaker: links['note-taker']!, editor: links.editor! };
  }

  /**
   * What a token grants, or null for an unknown, revoked or malformed token. `duringOutage` says
   * what to do while the database is unavailable (by default: wait for it, as HTTP routes do):
   * `fail` at once, or answer with the database's `lastKnown` answer about this token (within
   * LAST_KNOWN_TTL_MS, else fail). The socket gate uses the latter for rooms already in memory,
   * so reconnecting note-takers keep typing through an outage. A link revoked by this process is
   * remembered as revoked, so an outage cannot revive it; a token never seen gets the error.
   */
  async resolve(
    token: string | null | undefined,
    opts: { duringOutage?: OutagePolicy } = {},
  ): Promise<TokenGrant | null> {
    if (!token || !plausibleToken(token)) return null;
    const tokenHash = hashToken(token);
    const lookup = () =>
      this.grants.getOr(tokenHash, async () => {
        const [row] = await this.db.query<{ session_id: string; role: Role }>(
          'SELECT session_id, role FROM session_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
          [tokenHash],
        );
        const grant = row ? { sessionId: row.session_id, role: row.role, tokenHash } : null;
        this.lastKnown.set(tokenHash, grant);
        return grant;
      });
    if (!opts.duringOutage) return lookup();
    const lastKnown = opts.duringOutage === 'lastKnown';
    return unlessUnavailable(this.db, lookup, () => (lastKnown ? this.lastKnown.get(tokenHash) : undefined));
  }
}
