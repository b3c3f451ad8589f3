import type { RegistryKind } from '@rapporteur/shared/registry';

/** How each registry kind reads beside a suggestion. */
export const KIND_WORDS: Record<RegistryKind, string> = {
  'member-state': 'Member State',
  'observer-state': 'Observer State',
  'un-entity': 'UN entity',
  intergovernmental: 'Intergovernmental',
  group: 'Group',
  'civil-society': 'Civil society',
  person: 'Person',
  chair: 'Chair',
  other: 'Other',
};
