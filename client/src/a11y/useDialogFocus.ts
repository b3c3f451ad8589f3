/**
 * Focus for dialogs and panels that open over the page (issue 13, item 15): focus moves inside
 * when one opens (to its first field or button, else to the dialog itself), Tab and Shift+Tab
 * stay inside a modal one, and on closing focus goes back to what had it before (the button that
 * opened it), so keyboard and screen-reader users are never left behind on the page.
 */
import { type RefObject, useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The elements Tab can reach inside `root`, in order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** Move focus into the dialog at `ref` while it is mounted; `trap` keeps Tab inside (modal dialogs). */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, opts: { trap?: boolean } = {}): void {
  const trap = opts.trap ?? false;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!root.contains(document.activeElement)) {
      // an autofocused field inside already has it; otherwise the first control, or the dialog
      const first = root.querySelector<HTMLElement>('[autofocus]') ?? focusables(root)[0];
      if (first) first.focus();
      else {
        if (!root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');
        root.focus();
      }
    }
    const onKey = (e: KeyboardEvent) => {
      if (!trap || e.key !== 'Tab') return;
      const items = focusables(root);
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && (document.activeElement === first || !root.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !root.contains(document.activeElement))) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      // back to the opener, unless the user has since put focus somewhere else on purpose
      const active = document.activeElement;
      if (before?.isConnected && (active === null || active === document.body || root.contains(active))) {
        before.focus();
      }
    };
  }, [ref, trap]);
}
