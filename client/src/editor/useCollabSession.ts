import { useEffect, useRef, useState } from 'react';
import type { UserIdentity } from '../user/identity.ts';
import { type CollabSession, openCollabSession } from './collabSession.ts';
import { takeOpenedAhead } from './openedAhead.ts';

/**
 * The collaboration state of one session for as long as the calling component is mounted: the one
 * opened ahead of the page when it matches (openedAhead.ts), else a new one.
 * Null on the first render; the effect owns creation and destruction, so React's double
 * mount in development opens, destroys and reopens cleanly instead of leaking a provider.
 */
export function useCollabSession(sessionId: string, token: string | null, user: UserIdentity): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  // the user at the time of opening; later renames go through setUser without a new session
  const userRef = useRef(user);
  userRef.current = user;
  useEffect(() => {
    const s = takeOpenedAhead(sessionId, token) ?? openCollabSession(sessionId, token, userRef.current);
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [sessionId, token]);
  useEffect(() => session?.setUser(user), [session, user]);
  return session;
}
