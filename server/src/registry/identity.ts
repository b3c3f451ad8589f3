import { normaliseName } from '@rapporteur/shared/registry';

/**
 * What makes two registry entries the same: the normal form of the name and of the affiliation
 * (two people of one name may differ by organisation). The `identity_key` column is unique.
 */
export function identityKey(name: string, affiliation = ''): string {
  return `${normaliseName(name)}|${normaliseName(affiliation)}`;
}
