/** How the provider's socket is addressed, and when it comes back after the server closed it. */
import { TOKEN_QUERY_PARAM } from '@rapporteur/shared/api';
import { CloseCode, COLLAB_PATH, PERSISTED_QUERY_PARAM } from '@rapporteur/shared/protocol';
import type { UserIdentity } from '../user/identity.ts';

/** The socket base address on this page's origin (wss behind https). */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/**
 * Socket query parameters: our token (the server checks the role on the socket itself), the
 * name and colour it binds to our presence (nobody can claim another's), and the request for
 * "persisted" acknowledgements.
 */
export function socketParams(token: string | null, user: UserIdentity): Record<string, string> {
  return {
    [PERSISTED_QUERY_PARAM]: '1',
    ...(token ? { [TOKEN_QUERY_PARAM]: token } : {}),
    name: user.name,
    color: user.color,
  };
}

/**
 * Close codes in 4400-4499 are permanent for the stock provider (it stops reconnecting). One of
 * ours is not: a socket refused for early frames (RateLimited) may come back a little later, and
 * its unsent text must then still reach the server. Load closes use 1013, retried by everyone.
 */
const TRANSIENT_CLOSES = new Set<number>([CloseCode.RateLimited]);

/** Whether to reconnect after the server closed the socket with `code`. */
export function reconnectAfter(code: number): boolean {
  return !(code >= 4400 && code < 4500) || TRANSIENT_CLOSES.has(code);
}
