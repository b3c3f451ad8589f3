import { useState } from 'react';
import { errorMessage } from '../../api/http.ts';
import { focusBlockBody } from '../../editor/commands.ts';
import type { CockpitValue } from '../context.ts';
import { addableKindFor } from '../model/headerChoice.ts';
import { useStore } from '../stores/store.ts';
import { type UnknownName, unknownNames } from '../model/unknownNames.ts';
import type { RecordSummary } from './useRecordSummary.ts';

const FIELD_WORDS = { speaker: 'speaker', affiliation: 'affiliation', onBehalfOf: 'on behalf of' } as const;

/**
 * Every name in the record's headers the registry does not know, for the editor to check at a
 * glance: a click on the name goes to its first block; "add" puts it in the registry.
 */
export function UnknownNamesPanel({ cockpit, summary }: { cockpit: CockpitValue; summary: RecordSummary }) {
  const directory = useStore(cockpit.session.directory, (d) => d);
  const [busy, setBusy] = useState<string | null>(null);
  if (!directory.fetched) return null;
  const list = unknownNames(summary.headers, (name) => directory.known(name) !== undefined);
  if (list.length === 0) return null;

  const jump = (blockId: string) => {
    let at: number | null = null;
    cockpit.editor.state.doc.forEach((node, pos) => {
      if (at === null && node.type.name === 'speakerBlock' && node.attrs.id === blockId) at = pos;
    });
    if (at !== null) focusBlockBody(cockpit.editor, at);
  };

  const add = async (u: UnknownName) => {
    setBusy(u.name);
    try {
      await cockpit.session.directory.add(u.name, addableKindFor(u.field, u.kind, u.hasAffiliation));
    } catch (err) {
      cockpit.session.notices.say(`“${u.name}” was not added: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="cockpit-section" aria-labelledby="unknown-heading" data-testid="unknown-names">
      <h2 id="unknown-heading" className="cockpit-heading">
        Not in the registry <span className="muted">{list.length}</span>
      </h2>
      <ul className="unknown-list">
        {list.map((u) => (
          <li key={`${u.field}:${u.name}`}>
            <button type="button" className="link" onClick={() => jump(u.blockIds[0]!)}>
              {u.name}
            </button>
            <span className="muted">
              {' '}
              · {FIELD_WORDS[u.field]}
              {u.blockIds.length > 1 ? `, ${u.blockIds.length} blocks` : ''}
            </span>
            {!cockpit.readOnly && (
              <button type="button" className="ac-flag" disabled={busy === u.name} onClick={() => add(u)}>
                add
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
