import { useEffect, useState } from 'react';
import { takeAccessAhead, takeLinkToken } from './accessAhead.ts';
import { type Access, resolveAccess } from './resolveAccess.ts';

/**
 * Access to a session for the page showing it. A token in the address is taken once and then
 * removed from it, so the address bar (and screenshots, and copied URLs) do not carry it.
 * `resolve` decides what the token grants (the observer view resolves differently); a note-taker's
 * page takes the answer asked for as the application started, when there is one (accessAhead.ts).
 */
export function useSessionAccess(sessionId: string, resolve: typeof resolveAccess = resolveAccess): Access {
  const [access, setAccess] = useState<Access>({ kind: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    const ahead = resolve === resolveAccess ? takeAccessAhead(sessionId) : null;
    (ahead ?? resolve(sessionId, takeLinkToken(), ctl.signal)).then(
      (next) => {
        if (!ctl.signal.aborted) setAccess(next);
      },
      (err: unknown) => {
        if (!ctl.signal.aborted) setAccess({ kind: 'failed', message: String(err) });
      },
    );
    return () => ctl.abort();
  }, [sessionId, resolve]);
  return access;
}
