import {
  addSpeaker,
  markWaiting,
  moveSpeakerTo,
  removeSpeaker,
  type SpeakersListEntry,
} from '@rapporteur/shared/cockpit';
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { formatClock } from '../../editor/time.ts';
import { AutocompleteField } from '../fields/AutocompleteField.tsx';
import { type CockpitValue, useCockpit } from '../context.ts';
import { cockpitHint } from '../keys.ts';
import { selfName } from '../sessionCockpit.ts';
import { useStore } from '../stores/store.ts';
import type { Suggestion } from '../model/suggest.ts';
import { useSpeakersList } from './useSpeakersList.ts';

const DRAG_TYPE = 'application/x-rapporteur-speaker';

/**
 * The shared speakers list: who asked for the floor, in order. Add with the same autocomplete as
 * the block headers; reorder by dragging or with Alt+↑/↓ on a focused entry; Delete removes one.
 * Ctrl+Alt+S in the record comes here to add someone; Escape goes back.
 * "Next speaker" (or Ctrl+Shift+Enter anywhere in the record) opens a block for the first one
 * waiting; those who have spoken move to the "Spoken" list below, where one can be put back.
 */
export function SpeakersPanel() {
  const cockpit = useCockpit();
  if (!cockpit) return null;
  return <SpeakersPanelView cockpit={cockpit} />;
}

function SpeakersPanelView({ cockpit }: { cockpit: CockpitValue }) {
  const { doc } = cockpit.session.collab;
  const list = useSpeakersList(doc);
  const waiting = list.filter((e) => e.status === 'waiting');
  const spoken = list.filter((e) => e.status === 'spoken');
  const [draft, setDraft] = useState('');
  // the add field starts over after each addition (a new mount), keeping the focus
  const [round, setRound] = useState(0);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const readOnly = cockpit.readOnly;
  const focusAdd = useStore(cockpit.session.panel, (p) => p.focusAdd);
  const addRef = useRef<HTMLInputElement>(null);

  // Ctrl+Alt+S from the record: the cursor goes to "Add a speaker"
  useEffect(() => {
    if (focusAdd && cockpit.session.panel.takeFocusRequest()) addRef.current?.focus();
  }, [focusAdd, cockpit.session.panel]);

  // after a keyboard move or removal, the focus follows the entry (or its neighbour)
  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(focusId)}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const add = (text: string, chosen: Suggestion | null) => {
    const name = (chosen?.name ?? text).trim();
    if (!name) return;
    addSpeaker(doc, {
      name,
      affiliation: chosen?.affiliation ?? '',
      kind: chosen?.speakerKind ?? 'other',
      registryId: chosen?.registryId ?? '',
      addedBy: selfName(cockpit.session.collab),
    });
    setDraft('');
    setRound((r) => r + 1);
  };

  /** Full-list index of the waiting entry `step` places from `entry` (for moves among the waiting). */
  const neighbour = (entry: SpeakersListEntry, step: number): number | null => {
    const at = waiting.findIndex((e) => e.id === entry.id);
    const other = waiting[at + step];
    return other ? list.findIndex((e) => e.id === other.id) : null;
  };

  const onEntryKey = (e: KeyboardEvent<HTMLButtonElement>, entry: SpeakersListEntry) => {
    if (readOnly) return;
    const step = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (step && e.altKey) {
      e.preventDefault();
      const to = neighbour(entry, step);
      if (to !== null) moveSpeakerTo(doc, entry.id, to);
      setFocusId(entry.id);
    } else if (step) {
      e.preventDefault();
      const at = waiting.findIndex((w) => w.id === entry.id);
      const other = waiting[at + step];
      if (other) setFocusId(other.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const at = waiting.findIndex((w) => w.id === entry.id);
      const next = waiting[at + 1] ?? waiting[at - 1];
      removeSpeaker(doc, entry.id);
      if (next) setFocusId(next.id);
    }
  };

  const onDrop = (e: DragEvent, target: SpeakersListEntry) => {
    e.preventDefault();
    setDropOn(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const to = list.findIndex((x) => x.id === target.id);
    if (id && to >= 0 && id !== target.id) moveSpeakerTo(doc, id, to);
  };

  const hint = cockpitHint('takeNext');

  return (
    <section className="cockpit-section" aria-labelledby="speakers-heading" data-testid="speakers-panel">
      <h2 id="speakers-heading" className="cockpit-heading">
        Speakers list <span className="muted">{waiting.length ? `${waiting.length} waiting` : ''}</span>
      </h2>
      {!readOnly && (
        <>
          <div className="sl-add">
            <AutocompleteField
              key={round}
              ref={addRef}
              autoFocus={round > 0}
              field="speaker"
              className="sl-add-field"
              aria-label="Add a speaker to the list"
              placeholder="Add a speaker…"
              value={draft}
              onCommit={setDraft}
              enterContinues={false}
              onChoose={(s) => add(s.name, s)}
              onSubmitText={(text, chosen) => {
                if (!chosen) add(text, null);
              }}
              onKeyDown={(e) => {
                // Escape (with no suggestions open) goes back to the record, where the typing was
                if (e.key === 'Escape') cockpit.editor.view.focus();
              }}
            />
          </div>
          <button
            type="button"
            className="primary sl-next"
            disabled={waiting.length === 0}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => cockpit.takeNext()}
            title={`Open a block for the first speaker waiting (${hint})`}
          >
            {waiting[0] ? `Next on the list: ${waiting[0].name}` : 'Next on the list'} <kbd>{hint}</kbd>
          </button>
        </>
      )}
      {waiting.length === 0 ? (
        <p className="muted cockpit-empty">
          {readOnly ? 'Nobody is waiting.' : 'Add who asked for the floor; the next one opens with one key.'}
        </p>
      ) : (
        <ol className="sl-list" ref={listRef} aria-label="Waiting to speak">
          {waiting.map((entry) => (
            <li
              key={entry.id}
              className={dropOn === entry.id ? 'sl-entry drop-target' : 'sl-entry'}
              data-testid="speaker-entry"
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                setDropOn(entry.id);
              }}
              onDragLeave={() => setDropOn((d) => (d === entry.id ? null : d))}
              onDrop={(e) => onDrop(e, entry)}
            >
              <button
                type="button"
                className="sl-item"
                data-entry-id={entry.id}
                draggable={!readOnly}
                aria-description={readOnly ? undefined : 'Alt+Up or Alt+Down moves it, Delete removes it.'}
                onKeyDown={(e) => onEntryKey(e, entry)}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, entry.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
              >
                {!readOnly && (
                  <span className="sl-handle" aria-hidden="true">
                    ⠿
                  </span>
                )}
                <EntryName entry={entry} />
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="sl-remove"
                  aria-label={`Remove ${entry.name} from the list`}
                  tabIndex={-1}
                  onClick={() => removeSpeaker(doc, entry.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {spoken.length > 0 && (
        <details className="sl-spoken">
          <summary>Spoken ({spoken.length})</summary>
          <ol className="sl-list done" aria-label="Have spoken">
            {spoken.map((entry) => (
              <li key={entry.id} className="sl-entry spoken" data-testid="spoken-entry">
                <span className="sl-check" aria-hidden="true">
                  ✓
                </span>
                <EntryName entry={entry} />
                <span className="sl-when muted">{entry.taken ? formatClock(entry.taken.at) : ''}</span>
                {!readOnly && (
                  <button
                    type="button"
                    className="sl-remove"
                    aria-label={`Put ${entry.name} back on the list`}
                    title="Put back on the list"
                    onClick={() => markWaiting(doc, entry.id)}
                  >
                    ↺
                  </button>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function EntryName({ entry }: { entry: SpeakersListEntry }) {
  return (
    <span className="sl-name">
      {entry.name}
      {entry.onBehalfOf && <span className="muted"> for {entry.onBehalfOf}</span>}
      {entry.affiliation && <span className="muted"> ({entry.affiliation})</span>}
    </span>
  );
}
