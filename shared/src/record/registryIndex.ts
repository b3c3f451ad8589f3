/**
 * The built-in registry (shared/src/registry) as a lookup by normal form: short forms, a leading
 * "the", case and accents do not matter ("RUSSIA", "the Russian Federation", "russia").
 */
import { SEED_ENTRIES } from '../registry/entries/index.ts';
import { normaliseName } from '../registry/normalise.ts';
import type { SeedEntry } from '../registry/types.ts';

let byKey: Map<string, SeedEntry> | null = null;

/** Every built-in name and alias in normal form, built once; a name wins over another entry's alias. */
function registryIndex(): Map<string, SeedEntry> {
  if (byKey) return byKey;
  const index = new Map<string, SeedEntry>();
  for (const e of SEED_ENTRIES) {
    for (const a of e.aliases) if (!index.has(normaliseName(a))) index.set(normaliseName(a), e);
  }
  for (const e of SEED_ENTRIES) index.set(normaliseName(e.name), e);
  byKey = index;
  return index;
}

/** The registry entry a name stands for, if any. */
export function registryEntryFor(name: string | null): SeedEntry | undefined {
  if (!name) return undefined;
  const key = normaliseName(name);
  return key ? registryIndex().get(key) : undefined;
}
