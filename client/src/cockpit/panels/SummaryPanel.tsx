import type { MouseEvent } from 'react';
import { type CockpitValue, useCockpit } from '../context.ts';
import { formatDue } from '../model/due.ts';
import { cockpitHint } from '../keys.ts';
import { findMarker, focusMarkerText, toggleMarker } from '../extensions/markerCommands.ts';
import type { RecordSummary } from './useRecordSummary.ts';

// a click on a panel button must act where the cursor is in the record, not take the focus
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Every action item and decision of the record, live, each with a link to where it stands. The
 * exports end with the same summary.
 */
export function SummaryPanel({ summary }: { summary: RecordSummary }) {
  const cockpit = useCockpit();
  if (!cockpit) return null;
  return <SummaryView cockpit={cockpit} summary={summary} />;
}

function SummaryView({ cockpit, summary }: { cockpit: CockpitValue; summary: RecordSummary }) {
  const { editor } = cockpit;
  const jump = (id: string) => {
    const found = findMarker(editor.state.doc, id.replace(/~\d+$/, ''));
    if (found) focusMarkerText(editor, found.pos);
  };
  return (
    <section className="cockpit-section" aria-labelledby="summary-heading" data-testid="summary-panel">
      <h2 id="summary-heading" className="cockpit-heading">
        Actions and decisions
      </h2>
      {!cockpit.readOnly && (
        <div className="summary-add">
          <button type="button" onMouseDown={keepFocus} onClick={() => toggleMarker(editor, 'actionItem')}>
            Action <kbd>{cockpitHint('action')}</kbd>
          </button>
          <button type="button" onMouseDown={keepFocus} onClick={() => toggleMarker(editor, 'decision')}>
            Decision <kbd>{cockpitHint('decision')}</kbd>
          </button>
        </div>
      )}
      {summary.actions.length === 0 && summary.decisions.length === 0 ? (
        <p className="muted cockpit-empty">
          None yet. Start a line with “ACTION:” or “DECISION:”, or use the keys above.
        </p>
      ) : (
        <>
          <SummaryList title="Actions" testId="summary-actions" items={summary.actions} summary={summary} jump={jump} />
          <SummaryList
            title="Decisions"
            testId="summary-decisions"
            items={summary.decisions}
            summary={summary}
            jump={jump}
          />
        </>
      )}
    </section>
  );
}

interface SummaryItem {
  id: string;
  blockId: string | null;
  agendaItemId: string | null;
  text: string;
  owner?: string;
  due?: string;
}

function SummaryList({
  title,
  testId,
  items,
  summary,
  jump,
}: {
  title: string;
  testId: string;
  items: readonly SummaryItem[];
  summary: RecordSummary;
  jump(id: string): void;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="summary-title">{title}</h3>
      <ol className="summary-list" data-testid={testId}>
        {items.map((item) => {
          const where =
            (item.blockId && summary.speakerOf.get(item.blockId)) ||
            (item.agendaItemId && summary.agendaTitleOf.get(item.agendaItemId)) ||
            'the record';
          return (
            <li key={item.id} className="summary-item">
              {item.owner !== undefined && (
                <span className="summary-owner">{item.owner || <span className="muted">no owner</span>}</span>
              )}
              {item.due ? <span className="summary-due"> · due {formatDue(item.due)}</span> : null}
              <span className="summary-text">{item.text || <span className="muted">(no text yet)</span>}</span>
              <button type="button" className="link summary-link" onClick={() => jump(item.id)}>
                → {where}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
