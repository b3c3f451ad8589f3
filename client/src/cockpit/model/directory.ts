/**
 * The directory autocomplete ranks against: the built-in entries (always there, so suggestions
 * work offline and on the first keystroke) merged with what the server's registry holds (the
 * organisations and people sessions added). Pure; the store in useDirectory.ts feeds it.
 */
import type { RegistryEntry } from '@rapporteur/shared/api';
import { type Matchable, normaliseName, type SeedEntry } from '@rapporteur/shared/registry';

/** One entry of the merged directory. */
export interface DirectoryEntry extends Matchable {
  /** The server's registry id, or null for a built-in entry not fetched (yet). */
  id: string | null;
  /** For a named person: the organisation they belong to. */
  affiliation: string;
}

/**
 * Built-in entries first, then the server's: an entry with the same name (in normal form) as a
 * built-in one replaces it, keeping the short forms of both, so a renamed or extended entry on the
 * server wins while the built-in aliases keep working.
 */
export function mergeDirectory(seeds: readonly SeedEntry[], fetched: readonly RegistryEntry[]): DirectoryEntry[] {
  const byKey = new Map<string, DirectoryEntry>();
  for (const s of seeds) {
    byKey.set(normaliseName(s.name), { id: null, name: s.name, kind: s.kind, aliases: s.aliases, affiliation: '' });
  }
  for (const f of fetched) {
    const key = normaliseName(f.name);
    if (!key) continue;
    const seed = byKey.get(key);
    const aliases = seed ? [...new Set([...seed.aliases, ...f.aliases])] : f.aliases;
    byKey.set(key, { id: f.id, name: f.name, kind: f.kind, aliases, affiliation: f.affiliation });
  }
  return [...byKey.values()];
}
