import { type CockpitValue, useCockpit } from '../context.ts';
import { useMaybeStore } from '../stores/store.ts';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { UnknownNamesPanel } from './UnknownNamesPanel.tsx';
import { useRecordSummary } from './useRecordSummary.ts';

/**
 * The side panel beside the record (below it on narrow screens): the speakers list, and the
 * actions and decisions so far. It folds away to a slim button; the choice is remembered.
 */
export function CockpitPanel() {
  const cockpit = useCockpit();
  const panel = cockpit?.session.panel ?? null;
  const open = useMaybeStore(panel, (p) => p.open, true);
  if (!panel) return null;
  return (
    <aside
      className={open ? 'cockpit-panel' : 'cockpit-panel collapsed'}
      aria-label="Speakers list, actions and decisions"
      data-testid="cockpit-panel"
    >
      <button type="button" className="cockpit-toggle" aria-expanded={open} onClick={() => panel.setOpen(!open)}>
        {open ? 'Hide panel' : 'Show speakers list and actions'}
      </button>
      {open && cockpit && <CockpitBody cockpit={cockpit} />}
    </aside>
  );
}

/** The panel's sections over one reading of the record (the summary is shared). */
function CockpitBody({ cockpit }: { cockpit: CockpitValue }) {
  const summary = useRecordSummary(cockpit.session.collab.doc);
  return (
    <div className="cockpit-body">
      <SpeakersPanel />
      <SummaryPanel summary={summary} />
      <UnknownNamesPanel cockpit={cockpit} summary={summary} />
    </div>
  );
}
