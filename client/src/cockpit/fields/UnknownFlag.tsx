import { useState } from 'react';
import { errorMessage } from '../../api/http.ts';
import { useCockpit } from '../context.ts';
import type { AddableKind } from '../model/headerChoice.ts';

/**
 * A quiet mark beside a name the registry does not know (it is accepted as typed; the editor
 * decides). One click adds it to the registry, so it autocompletes from then on, everywhere.
 */
export function UnknownFlag({ name, kind }: { name: string; kind: AddableKind }) {
  const cockpit = useCockpit();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!cockpit) return null;
  if (cockpit.readOnly) {
    return (
      <span className="ac-flag" title="This name is not in the registry">
        not in registry
      </span>
    );
  }
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await cockpit.session.directory.add(name, kind);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="ac-flag"
      data-testid="unknown-name"
      disabled={busy}
      // out of the Tab order: Tab goes from one header field to the next, as the note-taker expects
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      title={error ?? `“${name}” is not in the registry. Click to add it (as ${kind.replace('-', ' ')}).`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={add}
    >
      {busy ? 'adding…' : error ? 'not added' : 'not in registry · add'}
    </button>
  );
}
