/**
 * The record's key bindings, in one place for the ProseMirror keymap (body text) and the React
 * handlers of the header fields, so both sides agree.
 */

/** Key names in ProseMirror keymap syntax. */
export const KEYS = {
  nextSpeaker: 'Mod-Enter',
  agendaItem: 'Mod-Alt-a',
  headerFromBody: 'Shift-Tab',
} as const;

/** Human-readable shortcut hints for the toolbar (Cmd on Apple keyboards). */
export function shortcutHint(which: 'nextSpeaker' | 'agendaItem', platform: string = navigator.platform): string {
  const mac = /Mac|iPhone|iPad/.test(platform);
  const mod = mac ? '⌘' : 'Ctrl+';
  return which === 'nextSpeaker' ? `${mod}Enter` : `${mod}${mac ? '⌥' : 'Alt+'}A`;
}

/** The parts of a keyboard event the key tests read (DOM and React events both have them). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+Enter or Cmd+Enter: start the next speaker block. */
export function isNextSpeakerKey(e: KeyLike): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey;
}

/** Ctrl+Alt+A or Cmd+Option+A: insert an agenda item (by key code, as Option+A types "å"). */
export function isInsertAgendaKey(e: KeyLike): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && (e.code === 'KeyA' || e.key.toLowerCase() === 'a');
}
