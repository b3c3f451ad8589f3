import { useEffect, useState } from 'react';
import { type Access, resolveAccess } from './resolveAccess.ts';

/**
 * Access to a session for the page showing it. A token in the address is taken once and then
 * removed from it, so the address bar (and screenshots, and copied URLs) do not carry it.
 * `resolve` decides what the token grants (the observer view resolves differently).
 */
export function useSessionAccess(sessionId: string, resolve: typeof resolveAccess = resolveAccess): Access {
  const [access, setAccess] = useState<Access>({ kind: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    const url = new URL(window.location.href);
    const linkToken = url.searchParams.get('token');
    if (linkToken) {
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
    resolve(sessionId, linkToken, ctl.signal).then(setAccess, (err: unknown) => {
      if (!ctl.signal.aborted) setAccess({ kind: 'failed', message: String(err) });
    });
    return () => ctl.abort();
  }, [sessionId, resolve]);
  return access;
}
