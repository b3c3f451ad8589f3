/**
 * How a session page gets in: with the token from its link (`?token=`), else the one this
 * browser kept, else, on the server's own machine or with the admin token, a fresh editor link
 * minted for this browser. Without any, published sessions are still readable; others are not.
 */
import { forgetAccess, loadAccess, saveAccess, tokenOfLink } from '../api/credentials.ts';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { getGrant, getSession, mintLink, type Role, type Session, type SessionLinks } from '../api/sessions.ts';

/** The outcome of opening a session page. */
export type Access =
  | { kind: 'loading' }
  | { kind: 'ready'; session: Session; token: string | null; role: Role | null; admin: boolean; links?: SessionLinks }
  /** The server cannot be reached; with a kept token the offline copy can still be edited. */
  | { kind: 'unreachable'; token: string; message: string }
  | { kind: 'denied'; message: string }
  | { kind: 'missing'; message: string }
  | { kind: 'failed'; message: string };

/** Resolve access to `sessionId`; `linkToken` is the `?token=` the page was opened with. */
export async function resolveAccess(
  sessionId: string,
  linkToken: string | null,
  signal?: AbortSignal,
): Promise<Access> {
  if (linkToken) saveAccess(sessionId, { token: linkToken });
  let token = linkToken ?? loadAccess(sessionId)?.token ?? null;
  // the session is asked for beside the grant, not after it: one round trip fewer before the
  // record opens (its answer is used only if the grant keeps the same token)
  const askedWith = token;
  const early = token ? getSession(sessionId, token, signal) : null;
  early?.catch(() => {}); // its failure, if it matters, is seen when it is awaited below
  try {
    let me = await getGrant(sessionId, token, signal);
    if (token && me.role === null) {
      // a kept token that no longer works (revoked): forget it, and fall back as if we had none
      forgetAccess(sessionId);
      token = null;
    }
    if (!token && me.admin) {
      token = tokenOfLink((await mintLink(sessionId, 'editor', null)).link);
      if (token) saveAccess(sessionId, { token });
      me = await getGrant(sessionId, token, signal);
    }
    const session = await (early && token === askedWith ? early : getSession(sessionId, token, signal));
    return { kind: 'ready', session, token, role: me.role, admin: me.admin, links: loadAccess(sessionId)?.links };
  } catch (err) {
    if (signal?.aborted) throw err;
    return accessFailure(err, token, 'You need a link to this session. Ask its editor for the note-taker link.');
  }
}

/** What a failed attempt to open a session means for the page (`withoutToken`: the advice when none was used). */
export function accessFailure(err: unknown, token: string | null, withoutToken: string): Access {
  const message = errorMessage(err);
  if (!(err instanceof ApiRequestError)) return { kind: 'failed', message };
  if (err.status === 0) return token ? { kind: 'unreachable', token, message } : { kind: 'failed', message };
  if (err.status === 401 || err.status === 403) {
    return {
      kind: 'denied',
      message: token
        ? `This link does not open this session (${message}). Ask the session's editor for a new one.`
        : withoutToken,
    };
  }
  if (err.status === 404) return { kind: 'missing', message: 'There is no session at this address.' };
  return { kind: 'failed', message };
}
