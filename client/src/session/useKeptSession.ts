import { useEffect } from 'react';
import type { Session } from '../api/sessions.ts';
import { keepSession, keptSession } from '../editor/keptOffline.ts';
import type { KeptValues } from '../editor/offlineCopy.ts';

/**
 * Keep the session's details (title, start, state) with its offline copy whenever they are known,
 * and on a page opened without a connection show the details an earlier visit kept.
 */
export function useKeptSession(
  offline: KeptValues,
  sessionId: string,
  session: Session | null,
  onSessionChange: (session: Session) => void,
): void {
  useEffect(() => {
    if (session) keepSession(offline, session);
  }, [offline, session]);

  const known = session !== null;
  useEffect(() => {
    if (known) return;
    let stale = false;
    void keptSession(offline, sessionId).then((kept) => {
      // the server's answer may have come first: it wins
      if (!stale && kept) onSessionChange(kept);
    });
    return () => {
      stale = true;
    };
  }, [offline, sessionId, known, onSessionChange]);
}
