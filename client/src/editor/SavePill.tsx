import type { SaveState, SaveTracker } from '@rapporteur/shared/protocol';
import { useLayoutEffect, useRef } from 'react';
import { isSaved, saveLabel } from './status.ts';

/**
 * The save indicator. It changes on every keystroke (a change becomes unsaved, then the server
 * stores it), so it is written straight to its element rather than rendered by React: every React
 * commit while the record has the focus makes React save and restore the selection by walking
 * every text node of the editable, which in a 1,000-block record cost more than the keystroke
 * itself (issue 17). Nothing else on the page re-renders while someone types.
 */
export function SavePill({ tracker }: { tracker: SaveTracker }) {
  const pill = useRef<HTMLSpanElement>(null);
  const label = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const paint = (s: SaveState) => {
      const el = pill.current;
      if (!el || !label.current) return;
      const saved = isSaved(s);
      el.className = `status-pill ${saved ? 'save-ok' : 'save-pending'}`;
      el.dataset.state = saved ? 'saved' : 'unsaved';
      el.dataset.unsaved = String(s.unsaved);
      const text = saveLabel(s);
      if (label.current.textContent !== text) label.current.textContent = text;
    };
    paint(tracker.current);
    return tracker.subscribe(paint);
  }, [tracker]);
  return (
    <span ref={pill} className="status-pill" data-testid="save" role="status">
      <span className="dot" aria-hidden="true" />
      <span ref={label} />
    </span>
  );
}
