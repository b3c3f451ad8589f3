import { useEffect, useState } from 'react';
import { type CollabSession, openCollabSession } from './collabSession.ts';

/**
 * The collaboration state of one session for as long as the calling component is mounted.
 * Null on the first render; the effect owns creation and destruction, so React's double
 * mount in development opens, destroys and reopens cleanly instead of leaking a provider.
 */
export function useCollabSession(sessionId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const s = openCollabSession(sessionId);
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [sessionId]);
  return session;
}
