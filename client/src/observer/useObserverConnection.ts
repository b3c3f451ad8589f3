import { useEffect, useState } from 'react';
import { type ObserverConnection, openObserverConnection } from './observerConnection.ts';

/** An observer connection for as long as the calling component is mounted (null on first render). */
export function useObserverConnection(sessionId: string, token: string | null): ObserverConnection | null {
  const [conn, setConn] = useState<ObserverConnection | null>(null);
  useEffect(() => {
    const c = openObserverConnection(sessionId, token);
    setConn(c);
    return () => {
      setConn(null);
      c.destroy();
    };
  }, [sessionId, token]);
  return conn;
}
