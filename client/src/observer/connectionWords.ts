import type { Connection } from '../editor/status.ts';

/** The connection as a reader needs to know it (nothing of theirs is at stake). */
export function observerConnectionLabel(c: Connection): string {
  switch (c) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'offline':
      return 'Reconnecting…';
    case 'closed':
      return 'Disconnected';
  }
}
