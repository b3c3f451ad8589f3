import type { ComponentType, CSSProperties } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceNoteProps } from './addons.ts';
import { usePresence } from './usePresence.ts';

/** The people in the session, each in their caret colour; your own entry lets you rename. */
export function PresenceList({
  awareness,
  observers,
  onRename,
  Note,
}: {
  awareness: Awareness;
  /** Observers are invisible by design: only how many are watching is shown, never who. */
  observers: number;
  onRename(): void;
  /** Shown beside each other person (the cockpit's "minuting …"); a stable component. */
  Note: ComponentType<PresenceNoteProps>;
}) {
  const people = usePresence(awareness);
  return (
    <ul className="presence" aria-label="People in this session" data-testid="presence">
      {people.map((p) => (
        <li key={p.clientId} style={{ '--person': p.color } as CSSProperties}>
          {p.self ? (
            <button type="button" className="person self" onClick={onRename} title="Change your name">
              <span className="swatch" aria-hidden="true" />
              {p.name} <span className="muted">(you)</span>
            </button>
          ) : (
            <span className="person">
              <span className="swatch" aria-hidden="true" />
              {p.name}
            </span>
          )}
          <Note awareness={awareness} clientId={p.clientId} />
        </li>
      ))}
      {observers > 0 && (
        <li className="observers muted" data-testid="watching" title="Readers following the record; they are not named">
          {observers} watching
        </li>
      )}
    </ul>
  );
}
