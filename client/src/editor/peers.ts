/**
 * Who else is in the session, as "next speaker" needs to know it: this page's awareness client id
 * (what `openedBy` records), the ids present now, and a way to claim a block. The record keymap
 * extension keeps them in its storage so every entry point (keys, toolbar, header fields) finds
 * them through the editor.
 */
import { setClaim } from '@rapporteur/shared/cockpit';
import type { Editor } from '@tiptap/core';
import type { Awareness } from 'y-protocols/awareness';

/** This page and the people present. */
export interface Peers {
  /** This page's awareness client id. */
  self: number;
  /** Client ids of the people with an editor open now (this page included). */
  present(): ReadonlySet<number>;
  /** Claim a block ("I'm minuting this"): a block you open is yours. */
  claim(blockId: string): void;
}

/** No one around (an editor without a session, as in unit tests). */
export const NO_PEERS: Peers = { self: 0, present: () => new Set(), claim: () => {} };

/** Peers as an awareness sees them; only states with a `user` are people with an editor. */
export function awarenessPeers(awareness: Awareness): Peers {
  return {
    self: awareness.clientID,
    present() {
      const ids = new Set<number>();
      for (const [id, state] of awareness.getStates()) if (state.user) ids.add(id);
      ids.add(awareness.clientID);
      return ids;
    },
    claim: (blockId) => setClaim(awareness, blockId),
  };
}

declare module '@tiptap/core' {
  interface Storage {
    recordKeymap: { peers: Peers };
  }
}

/** The peers of an editor's session (NO_PEERS when it has none). */
export function peersOf(editor: Editor): Peers {
  return (editor.storage as Partial<{ recordKeymap: { peers: Peers } }>).recordKeymap?.peers ?? NO_PEERS;
}
