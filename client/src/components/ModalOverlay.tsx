import { type ReactNode, useRef } from 'react';
import { useDialogFocus } from '../a11y/useDialogFocus.ts';

/** A modal dialog over the page: focus moves in, stays in, and returns to its opener on close. */
export function ModalOverlay({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, { trap: true });
  return (
    <div ref={ref} className="overlay" role="dialog" aria-modal="true" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
