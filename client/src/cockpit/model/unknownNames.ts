/**
 * Names written in block headers that the registry does not know, for the editor to check: each
 * once, with the field it was used in and the blocks that use it. W3C's minute tools warn about
 * unknown speakers for the same reason: a misspelt delegation is a wrong record.
 */
import { normaliseName } from '@rapporteur/shared/registry';
import type { SpeakerKind } from '@rapporteur/shared/schema';
import type { HeaderField } from './headerChoice.ts';

/** One unknown name. */
export interface UnknownName {
  name: string;
  field: HeaderField;
  /** The kind of the first block using it (to add it to the registry with). */
  kind: SpeakerKind;
  hasAffiliation: boolean;
  blockIds: string[];
}

/** A block header as the record holds it. */
export interface HeaderLike {
  id: string;
  speaker: string;
  affiliation: string;
  onBehalfOf: string;
  kind: SpeakerKind;
}

const FIELDS: readonly HeaderField[] = ['speaker', 'affiliation', 'onBehalfOf'];

/** Unknown names of `headers`, in order of first use; `known` says whether the registry has a name. */
export function unknownNames(headers: readonly HeaderLike[], known: (name: string) => boolean): UnknownName[] {
  const byKey = new Map<string, UnknownName>();
  for (const h of headers) {
    for (const field of FIELDS) {
      const name = h[field].trim();
      const key = normaliseName(name);
      if (!key || known(name)) continue;
      const seen = byKey.get(`${field}:${key}`);
      if (seen) seen.blockIds.push(h.id);
      else
        byKey.set(`${field}:${key}`, {
          name,
          field,
          kind: h.kind,
          hasAffiliation: h.affiliation.trim() !== '',
          blockIds: [h.id],
        });
    }
  }
  return [...byKey.values()];
}
