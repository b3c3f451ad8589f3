import type { SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import { AutocompleteField, type AutocompleteFieldProps } from '../fields/AutocompleteField.tsx';
import { addableKindFor, type HeaderField, headerChoice } from '../model/headerChoice.ts';

/** Props of one autocompleting field of a speaker block's header. */
export interface SpeakerHeaderFieldProps
  extends Omit<AutocompleteFieldProps, 'field' | 'value' | 'onCommit' | 'onChoose' | 'blockId' | 'addKind'> {
  field: HeaderField;
  /** The block's header as it stands. */
  attrs: SpeakerBlockAttrs;
  /** Write attributes of the block. */
  set(patch: Partial<SpeakerBlockAttrs>): void;
}

/**
 * The speaker, affiliation or "on behalf of" field of a block: typing writes the attribute,
 * choosing a suggestion also sets the block's kind (see headerChoice.ts), and an unknown name
 * carries the "not in registry" flag.
 */
export function SpeakerHeaderField({ field, attrs, set, ...rest }: SpeakerHeaderFieldProps) {
  return (
    <AutocompleteField
      {...rest}
      field={field}
      value={attrs[field]}
      blockId={attrs.id}
      addKind={addableKindFor(field, attrs.kind, attrs.affiliation.trim() !== '')}
      onCommit={(v) => set({ [field]: v })}
      onChoose={(s) => set(headerChoice(field, s, attrs))}
    />
  );
}
