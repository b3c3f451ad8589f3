/**
 * How the observer view gets in: with the token of its link, else one this browser kept for the
 * session (any role reads), else none, which works once an editor has made the session public.
 * It never mints links: following a record must not hand anyone an editor's rights.
 */
import { forgetAccess, loadAccess, saveAccess } from '../api/credentials.ts';
import { getGrant, getSession } from '../api/sessions.ts';
import { type Access, accessFailure } from './resolveAccess.ts';

const NOT_PUBLIC = 'This session is not public. Ask its editor for the observer link.';

/** Resolve read access to `sessionId`; `linkToken` is the `?token=` the page was opened with. */
export async function resolveObserverAccess(
  sessionId: string,
  linkToken: string | null,
  signal?: AbortSignal,
): Promise<Access> {
  const kept = loadAccess(sessionId)?.token ?? null;
  // keep an observer link only where no other token is kept: it must not replace an editor's
  if (linkToken && !kept) saveAccess(sessionId, { token: linkToken });
  let token = linkToken ?? kept;
  try {
    if (token) {
      const me = await getGrant(sessionId, token, signal);
      if (me.role === null) {
        // revoked: forget it if it was ours, and try as a member of the public
        if (token === loadAccess(sessionId)?.token) forgetAccess(sessionId);
        token = null;
      }
    }
    const session = await getSession(sessionId, token, signal);
    return { kind: 'ready', session, token, role: token ? 'observer' : null, admin: false };
  } catch (err) {
    if (signal?.aborted) throw err;
    const failure = accessFailure(err, token, NOT_PUBLIC);
    // an observer has no offline copy to fall back on
    return failure.kind === 'unreachable' ? { kind: 'failed', message: failure.message } : failure;
  }
}
