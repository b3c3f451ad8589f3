import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Follow the browser's own word on the network. When it says "offline" (wifi gone, laptop lid
 * closed), the socket is as good as dead, yet the provider would only notice after 30 s without a
 * message: close it now, so the page says "offline" and stops sending into the void. When the
 * browser is back online, reconnect at once instead of waiting out the provider's back-off.
 * Nothing typed meanwhile is lost either way: the sync exchange on reconnect sends it.
 */
export function useOfflineSocket(provider: WebsocketProvider): void {
  useEffect(() => {
    const onOffline = () => provider.ws?.close();
    const onOnline = () => {
      if (provider.shouldConnect && !provider.wsconnected) provider.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
  }, [provider]);
}
