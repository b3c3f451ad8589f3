/**
 * The cockpit's keys, for the ProseMirror keymap (body text) and the header fields alike. Letters
 * are matched by key code as well, since Option+letter types another character on a Mac.
 */

import type { KeyLike } from '../editor/keys.ts';

/** Key names in ProseMirror keymap syntax. */
export const COCKPIT_KEYS = {
  takeNext: 'Mod-Shift-Enter',
  claim: 'Mod-Alt-m',
  action: 'Mod-Alt-t',
  decision: 'Mod-Alt-d',
  speakersList: 'Mod-Alt-s',
} as const;

const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;

/** Ctrl/Cmd+Shift+Enter: open a block for the next speaker on the list. */
export function isTakeNextKey(e: KeyLike): boolean {
  return e.key === 'Enter' && mod(e) && e.shiftKey && !e.altKey;
}

/** Ctrl/Cmd+Alt+M: claim the block ("I'm minuting this"), or release it. */
export function isClaimKey(e: KeyLike): boolean {
  return mod(e) && e.altKey && (e.code === 'KeyM' || e.key.toLowerCase() === 'm');
}

/** Human-readable hints (⌘ on Apple keyboards). */
export function cockpitHint(which: keyof typeof COCKPIT_KEYS, platform: string = navigator.platform): string {
  const mac = /Mac|iPhone|iPad/.test(platform);
  const m = mac ? '⌘' : 'Ctrl+';
  const alt = mac ? '⌥' : 'Alt+';
  switch (which) {
    case 'takeNext':
      return `${m}${mac ? '⇧' : 'Shift+'}Enter`;
    case 'claim':
      return `${m}${alt}M`;
    case 'action':
      return `${m}${alt}T`;
    case 'decision':
      return `${m}${alt}D`;
    case 'speakersList':
      return `${m}${alt}S`;
  }
}
