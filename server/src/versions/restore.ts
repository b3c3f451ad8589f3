import { diffSequence } from '@rapporteur/shared/diff';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import type * as Y from 'yjs';

/** Transaction origin of a restore, as room hooks and logs see it. */
export const RESTORE_ORIGIN = 'restore';

/** What a restore touched at the top level of the record. */
export interface RestoreOutcome {
  kept: number;
  removed: number;
  inserted: number;
}

// the ProseMirror binding writes elements and text only (never XmlHook)
type TopNode = Y.XmlElement | Y.XmlText;

/**
 * Make the live record equal to a version's, as one new change (origin `restore`) on top of the
 * document: history is never rewritten, so every connected client converges by normal sync.
 * Top-level nodes whose content is unchanged are kept as they are — the edit touches only what
 * differs, so carets and concurrent typing in untouched blocks survive. The others are replaced
 * by deep copies of the version's nodes (same attributes, block ids included; text with its
 * formatting), made with Yjs's own `clone()`, which copies across documents.
 */
export function restoreRecord(live: Y.Doc, version: Y.Doc): RestoreOutcome {
  const target = live.getXmlFragment(RECORD_FIELD);
  const wanted = version.getXmlFragment(RECORD_FIELD).toArray() as TopNode[];
  const outcome: RestoreOutcome = { kept: 0, removed: 0, inserted: 0 };
  live.transact(() => {
    const current = target.toArray() as TopNode[];
    const runs = diffSequence(current, wanted, { key: (node) => node.toString() });
    // back to front, so the positions of runs not yet applied stay valid
    for (const run of [...runs].reverse()) {
      if (run.op === 'equal') outcome.kept += run.length;
      else if (run.op === 'delete') {
        target.delete(run.aStart, run.length);
        outcome.removed += run.length;
      } else {
        target.insert(
          run.aStart,
          wanted.slice(run.bStart, run.bStart + run.length).map((n) => n.clone()),
        );
        outcome.inserted += run.length;
      }
    }
  }, RESTORE_ORIGIN);
  return outcome;
}
