import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** One person in the session as the presence list shows them. */
export interface Present {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

function readPresence(awareness: Awareness): Present[] {
  const people: Present[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#6b7280';
    people.push({ clientId, name: user.name, color, self: clientId === awareness.clientID });
  }
  // yourself first, then the others by name, so the list does not jump around as carets move
  return people.sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

/** Who is in the session now (from awareness), updated when someone arrives, leaves or renames. */
export function usePresence(awareness: Awareness): Present[] {
  const [people, setPeople] = useState<Present[]>(() => readPresence(awareness));
  useEffect(() => {
    let key = '';
    const onChange = () => {
      const next = readPresence(awareness);
      // awareness also changes on every caret move of every user; re-render only for presence
      const nextKey = JSON.stringify(next);
      if (nextKey === key) return;
      key = nextKey;
      setPeople(next);
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return people;
}
