/**
 * Opening a session's record ahead of its page (editor/openedAhead.ts), as its own module: the
 * application loads it beside the page's code, and it needs only the collaboration code (Yjs, the
 * provider, the offline copy), not the editor's, so it runs before the page's larger code has
 * been evaluated (App.tsx `preloadPageAt`).
 */
import { openAhead } from '../editor/openedAhead.ts';
import { loadIdentity } from '../user/identity.ts';

/**
 * Open the record of `sessionId` with the token its page will most likely use. Not without a
 * token, nor before this browser has a name: a note-taker asked for a name first would be shown to
 * the others as a nameless reader meanwhile.
 */
export function openSessionAhead(sessionId: string, token: string | null): void {
  const user = loadIdentity();
  if (token && user) openAhead(sessionId, token, user);
}
