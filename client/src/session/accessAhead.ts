/**
 * A session page's access, asked for as the application starts rather than once the page's code
 * has loaded and rendered (issue 17: on a note-taker's first opening that was half a second before
 * the first request). The page takes the answer when it renders (useSessionAccess).
 */
import { loadAccess } from '../api/credentials.ts';
import { type Access, resolveAccess } from './resolveAccess.ts';

/**
 * The `?token=` of the page's address, taken out of the address (history.replaceState) so the
 * address bar, screenshots and copied URLs do not carry it. Null when there is none.
 */
export function takeLinkToken(): string | null {
  const url = new URL(window.location.href);
  const linkToken = url.searchParams.get('token');
  if (linkToken) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return linkToken;
}

let ahead: { sessionId: string; access: Promise<Access> } | null = null;

/**
 * Start resolving access to `sessionId` for the page being opened; returns the token the page will
 * most likely open the record with (the link's, else the one this browser kept), or null.
 */
export function resolveAccessAhead(sessionId: string): string | null {
  const access = resolveAccess(sessionId, takeLinkToken());
  access.catch(() => {}); // seen by the page that takes it
  ahead = { sessionId, access };
  // resolveAccess keeps a link's token before its first await
  return loadAccess(sessionId)?.token ?? null;
}

/** The access resolved ahead for `sessionId`, once (null if none was). */
export function takeAccessAhead(sessionId: string): Promise<Access> | null {
  const taken = ahead;
  ahead = null;
  return taken?.sessionId === sessionId ? taken.access : null;
}
