import { useState } from 'react';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';

const COLLAPSED_KEY = 'rapporteur:cockpit-collapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The side panel beside the record (below it on narrow screens): the speakers list, and the
 * actions and decisions so far. It folds away to a slim tab; the choice is remembered.
 */
export function CockpitPanel() {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // the choice lasts for this page
    }
  };
  return (
    <aside
      className={collapsed ? 'cockpit-panel collapsed' : 'cockpit-panel'}
      aria-label="Speakers list, actions and decisions"
      data-testid="cockpit-panel"
    >
      <button type="button" className="cockpit-toggle" aria-expanded={!collapsed} onClick={toggle}>
        {collapsed ? 'Show speakers list and actions' : 'Hide panel'}
      </button>
      {!collapsed && (
        <div className="cockpit-body">
          <SpeakersPanel />
          <SummaryPanel />
        </div>
      )}
    </aside>
  );
}
