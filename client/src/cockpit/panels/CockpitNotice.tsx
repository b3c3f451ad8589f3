import { useEffect } from 'react';
import { useCockpit } from '../context.ts';
import { useMaybeStore } from '../stores/store.ts';

/** How long a notice stays unless dismissed (it repeats nothing the page does not show anyway). */
const NOTICE_MS = 8000;

/** The cockpit's latest notice, low on the screen near where one types; click to dismiss. */
export function CockpitNotice() {
  const cockpit = useCockpit();
  const notices = cockpit?.session.notices ?? null;
  const notice = useMaybeStore(notices, (n) => n, null);
  useEffect(() => {
    if (!notice || !notices) return;
    const timer = setTimeout(() => {
      if (notices.get()?.id === notice.id) notices.clear();
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, notices]);
  return (
    <div className="cockpit-notice-area" aria-live="polite">
      {notice && (
        <button type="button" className="cockpit-notice" data-testid="cockpit-notice" onClick={() => notices?.clear()}>
          {notice.text}
          <span className="visually-hidden"> (dismiss)</span>
        </button>
      )}
    </div>
  );
}
