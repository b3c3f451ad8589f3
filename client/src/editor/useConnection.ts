import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { type Connection, type ConnectionFacts, connectionOf } from './status.ts';

/** The connection state of a provider, following its events and the browser's online flag. */
export function useConnection(provider: WebsocketProvider): { connection: Connection; closedReason: string | null } {
  const [facts, setFacts] = useState<ConnectionFacts>(() => ({
    online: navigator.onLine,
    status: provider.wsconnected ? 'connected' : 'connecting',
    synced: provider.synced,
    everConnected: provider.synced,
    closedReason: null,
  }));

  useEffect(() => {
    const update = (patch: Partial<ConnectionFacts>) => setFacts((f) => ({ ...f, ...patch }));
    const onStatus = ({ status }: { status: ConnectionFacts['status'] }) =>
      update(status === 'connected' ? { status } : { status, synced: false });
    const onSync = (synced: boolean) => update(synced ? { synced, everConnected: true } : { synced });
    const onClosed = ({ code, reason }: { code: number; reason: string }) =>
      update({ closedReason: reason || `closed with code ${code}` });
    const onOnline = () => update({ online: true });
    const onOffline = () => update({ online: false });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    // events between the first render and this effect were missed: catch up with the provider
    setFacts((f) => ({
      ...f,
      status: provider.wsconnected ? 'connected' : f.status === 'connected' ? 'disconnected' : f.status,
      synced: provider.synced,
      everConnected: f.everConnected || provider.synced,
    }));
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);

  return { connection: connectionOf(facts), closedReason: facts.closedReason };
}
