import type { Editor } from '@tiptap/core';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What browser tests (and a curious developer's console) can reach on `window.__rapporteur`. */
export interface DebugHandle {
  doc: Y.Doc;
  editor: Editor;
  provider: WebsocketProvider;
}

declare global {
  interface Window {
    __rapporteur?: DebugHandle;
  }
}

/**
 * Publish the live document on window. Tests read text from the Y.Doc because the page's
 * innerText also contains the other people's caret labels. Returns the function that withdraws it.
 */
export function exposeDebugHandle(handle: DebugHandle): () => void {
  window.__rapporteur = handle;
  return () => {
    if (window.__rapporteur === handle) delete window.__rapporteur;
  };
}
