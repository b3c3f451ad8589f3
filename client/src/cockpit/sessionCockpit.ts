/**
 * The cockpit state of one open session: claims, the typing guard's question, notices and the
 * directory. One per CollabSession, reachable both from the editor's extensions (created before
 * any React context exists) and from the React tree.
 */
import type { CollabSession } from '../editor/collabSession.ts';
import { ClaimsStore } from './stores/claimsStore.ts';
import { DirectoryStore } from './stores/directoryStore.ts';
import { GuardStore } from './stores/guardStore.ts';
import { NoticeStore } from './stores/notices.ts';
import { PanelStore } from './stores/panelStore.ts';
import { Store } from './stores/store.ts';
import { sessionToken } from './registry/registryApi.ts';
import { TypingStore } from './stores/typingStore.ts';

/** Everything the cockpit keeps per session. */
export interface SessionCockpit {
  collab: CollabSession;
  claims: ClaimsStore;
  guard: GuardStore;
  /** Who else is typing in which block (issue 13, item 2). */
  typing: TypingStore;
  notices: NoticeStore;
  directory: DirectoryStore;
  panel: PanelStore;
  /** The session's scheduled start (ISO) for the meeting clock, null while unknown (set by the Cockpit). */
  startsAt: Store<string | null>;
}

const cockpits = new WeakMap<CollabSession, SessionCockpit>();

/** The cockpit of `collab`, created on first use; it goes with the session object. */
export function sessionCockpit(collab: CollabSession): SessionCockpit {
  let c = cockpits.get(collab);
  if (!c) {
    c = {
      collab,
      claims: new ClaimsStore(collab.provider.awareness),
      guard: new GuardStore(),
      typing: new TypingStore(collab.provider.awareness),
      notices: new NoticeStore(),
      directory: new DirectoryStore(collab.sessionId, sessionToken(collab.sessionId)),
      panel: new PanelStore(),
      startsAt: new Store<string | null>(null),
    };
    cockpits.set(collab, c);
  }
  return c;
}

/** The display name this page writes under (for "taken by" and "added by"). */
export function selfName(collab: CollabSession): string {
  const user = collab.provider.awareness.getLocalState()?.user as { name?: unknown } | undefined;
  const name = typeof user?.name === 'string' ? user.name : collab.provider.params.name;
  return name ?? '';
}
