import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { type Connection, type ConnectionSignals, connectionOf } from './status.ts';

/** The connection state of a provider, following its events and the browser's online flag. */
export function useConnection(provider: WebsocketProvider): { connection: Connection; closedReason: string | null } {
  const [signals, setSignals] = useState<ConnectionSignals>(() => ({
    online: navigator.onLine,
    status: provider.wsconnected ? 'connected' : 'connecting',
    synced: provider.synced,
    triedBefore: provider.synced,
    closedReason: null,
  }));

  useEffect(() => {
    const update = (patch: Partial<ConnectionSignals>) => setSignals((f) => ({ ...f, ...patch }));
    const onStatus = ({ status }: { status: ConnectionSignals['status'] }) =>
      update(status === 'connected' ? { status } : { status, synced: false });
    const onSync = (synced: boolean) => update(synced ? { synced, triedBefore: true } : { synced });
    // a socket that closed, whether it ever opened or not: what follows is a retry
    const onSocketClosed = () => update({ triedBefore: true });
    const onClosed = ({ code, reason }: { code: number; reason: string }) =>
      update({ closedReason: reason || `closed with code ${code}` });
    const onOnline = () => update({ online: true });
    const onOffline = () => update({ online: false });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.on('connection-close', onSocketClosed);
    // events between the first render and this effect were missed: catch up with the provider
    setSignals((f) => ({
      ...f,
      status: provider.wsconnected ? 'connected' : f.status === 'connected' ? 'disconnected' : f.status,
      synced: provider.synced,
      triedBefore: f.triedBefore || provider.synced,
    }));
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.off('connection-close', onSocketClosed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);

  return { connection: connectionOf(signals), closedReason: signals.closedReason };
}
