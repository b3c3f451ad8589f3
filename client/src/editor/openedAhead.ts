/**
 * A session's collaboration state opened ahead of its page (issue 17): the offline copy read, the
 * socket connecting and the record arriving while the page's code still evaluates and its access
 * is still being checked, rather than after both.
 *
 * It is opened with the token the page will most likely use (the link's, or the one this browser
 * kept) and handed to the page only if the page opens the same session with the same token; any
 * other outcome (another token, access refused, nobody takes it in time) destroys it. The socket
 * checks its token on its own, so opening ahead grants nothing the token does not.
 */
import type { UserIdentity } from '../user/identity.ts';
import { type CollabSession, openCollabSession } from './collabSession.ts';

/** Longest a session opened ahead waits to be taken before it is closed. */
export const OPENED_AHEAD_TTL_MS = 30_000;

interface Ahead {
  token: string;
  session: CollabSession;
  expiry: ReturnType<typeof setTimeout>;
}

let ahead: Ahead | null = null;

/** Open `sessionId` with `token` ahead of its page (replacing any other opened ahead). */
export function openAhead(sessionId: string, token: string, user: UserIdentity): void {
  if (ahead?.session.sessionId === sessionId && ahead.token === token) return;
  discardOpenedAhead();
  // for the browser benchmark and DevTools: when the record began to open
  performance.mark('rapporteur:opened-ahead');
  ahead = {
    token,
    session: openCollabSession(sessionId, token, user),
    expiry: setTimeout(discardOpenedAhead, OPENED_AHEAD_TTL_MS),
  };
}

/** The session opened ahead, if it is `sessionId` with `token` (then it is the caller's to destroy). */
export function takeOpenedAhead(sessionId: string, token: string | null): CollabSession | null {
  const taken = ahead;
  if (!taken) return null;
  ahead = null;
  clearTimeout(taken.expiry);
  if (taken.session.sessionId === sessionId && taken.token === token) return taken.session;
  taken.session.destroy();
  return null;
}

/** Close the session opened ahead, if any (access refused, or the page went elsewhere). */
export function discardOpenedAhead(): void {
  if (!ahead) return;
  clearTimeout(ahead.expiry);
  ahead.session.destroy();
  ahead = null;
}
