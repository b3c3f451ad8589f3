/**
 * Asking the name when it is needed, not before (issue 13, item 14): someone who opened a
 * statement from a search result reads first; the first attempt to change the record (a
 * printable key, Enter, deletion, paste or any other input) is held back and the name is asked.
 */
import { type RefObject, useEffect } from 'react';

/** Keys that would change the record (printable characters, line breaks, deletions). */
function changesText(e: KeyboardEvent): boolean {
  if (e.key === 'Enter' || e.key === 'Backspace' || e.key === 'Delete') return true;
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** While `active`, input inside `area` is held back and `ask` is called instead. */
export function useAskNameOnInput(area: RefObject<HTMLElement | null>, active: boolean, ask: () => void): void {
  // no dependency list: the area mounts only once access is resolved, so look again each render
  useEffect(() => {
    const el = area.current;
    if (!active || !el) return;
    const hold = (e: Event) => {
      if (e instanceof KeyboardEvent && !changesText(e)) return;
      e.preventDefault();
      e.stopPropagation();
      ask();
    };
    // capture: before the editor's own handlers see the key or the input
    el.addEventListener('keydown', hold, true);
    el.addEventListener('beforeinput', hold, true);
    el.addEventListener('paste', hold, true);
    return () => {
      el.removeEventListener('keydown', hold, true);
      el.removeEventListener('beforeinput', hold, true);
      el.removeEventListener('paste', hold, true);
    };
  });
}
