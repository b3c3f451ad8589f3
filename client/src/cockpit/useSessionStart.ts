import { useEffect, useState } from 'react';
import { getSession } from '../api/sessions.ts';
import { sessionToken } from './registry/registryApi.ts';

const key = (id: string) => `rapporteur:starts-at:${id}`;

function cached(id: string): string | null {
  try {
    return localStorage.getItem(key(id));
  } catch {
    return null;
  }
}

/**
 * The session's start (ISO) for the meeting clock: as the server has it, remembered on this
 * device so block offsets still show after a reload without a connection.
 */
export function useSessionStart(sessionId: string): string | null {
  const [startsAt, setStartsAt] = useState<string | null>(() => cached(sessionId));
  useEffect(() => {
    const ctl = new AbortController();
    getSession(sessionId, sessionToken(sessionId), ctl.signal).then(
      (s) => {
        setStartsAt(s.startsAt);
        try {
          localStorage.setItem(key(sessionId), s.startsAt);
        } catch {
          // storage blocked: the clock shows offsets while this page lives
        }
      },
      () => {
        // offline or refused: keep what this device remembers
      },
    );
    return () => ctl.abort();
  }, [sessionId]);
  return startsAt;
}
