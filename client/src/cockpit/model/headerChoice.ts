/**
 * What choosing a suggestion writes into a speaker block's header. The speaker decides the
 * block's kind; an affiliation only when the kind was still unset (a person from UNODC speaks
 * for a UN entity); a named person brings their organisation when none is written yet.
 */
import type { ADDABLE_KINDS } from '@rapporteur/shared/api';
import type { SpeakerBlockAttrs, SpeakerKind } from '@rapporteur/shared/schema';
import type { Suggestion, SuggestField } from './suggest.ts';

/** The header fields that autocomplete. */
export type HeaderField = Extract<SuggestField, 'speaker' | 'affiliation' | 'onBehalfOf'>;

/** The attribute patch for choosing `s` in `field` of a block whose header is `attrs`. */
export function headerChoice(
  field: HeaderField,
  s: Pick<Suggestion, 'name' | 'speakerKind' | 'affiliation'>,
  attrs: Pick<SpeakerBlockAttrs, 'kind' | 'affiliation'>,
): Partial<SpeakerBlockAttrs> {
  switch (field) {
    case 'speaker':
      return {
        speaker: s.name,
        kind: s.speakerKind,
        ...(s.affiliation && !attrs.affiliation.trim() ? { affiliation: s.affiliation } : {}),
      };
    case 'affiliation':
      return { affiliation: s.name, ...(attrs.kind === 'other' ? { kind: s.speakerKind } : {}) };
    case 'onBehalfOf':
      return { onBehalfOf: s.name };
  }
}

/** A kind the registry lets a session add. */
export type AddableKind = (typeof ADDABLE_KINDS)[number];

/**
 * The kind a name typed into `field` is added to the registry as, from its block's kind: a
 * speaker with an affiliation is a person; otherwise civil society and intergovernmental bodies
 * keep their kind, anything else is "other" until an editor says more.
 */
export function addableKindFor(field: HeaderField, blockKind: SpeakerKind, hasAffiliation: boolean): AddableKind {
  if (field === 'speaker' && (hasAffiliation || blockKind === 'panellist')) return 'person';
  if (field !== 'onBehalfOf' && (blockKind === 'civil-society' || blockKind === 'intergovernmental')) return blockKind;
  return 'other';
}
