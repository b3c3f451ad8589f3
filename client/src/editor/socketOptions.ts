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

/** Longest wait between two reconnection attempts. */
export const RECONNECT_CAP_MS = 5_000;

/**
 * How long to wait before reconnection attempt `attempt` (1, 2, …): "full jitter", a uniformly
 * random wait up to the exponential step 100 ms × 2^attempt (capped). When a server process dies
 * in a cluster, its hundred sockets then come back spread over a few hundred milliseconds (and so
 * over the surviving processes) instead of all in the same instant; y-websocket 3's own backoff
 * has no jitter.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_CAP_MS, 100 * 2 ** Math.max(1, attempt));
  return Math.max(20, Math.floor(random() * ceiling));
}

/** The part of the provider the reconnection policy touches. */
interface ReconnectingProvider {
  maxBackoffTime: number;
  wsUnsuccessfulReconnects: number;
}

/**
 * The provider's `shouldReconnect`: decides as reconnectAfter does, and sets the wait. The
 * provider calls it on every close, after counting the failed attempt and before scheduling the
 * next one with min(100 ms × 2^attempts, maxBackoffTime); our jittered delay is never above the
 * first term, so it is the wait the provider uses.
 */
export function jitteredReconnect(
  random: () => number = Math.random,
): (event: { code: number }, provider: ReconnectingProvider) => boolean {
  return (event, provider) => {
    provider.maxBackoffTime = reconnectDelay(provider.wsUnsuccessfulReconnects, random);
    return reconnectAfter(event.code);
  };
}
