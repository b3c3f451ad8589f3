/** The built-in directory: States, UN entities, intergovernmental organisations, groups, chair. */
import type { SeedEntry } from '../types.ts';
import { INTERGOVERNMENTAL, PRESIDING, UN_ENTITIES } from './bodies.ts';
import { GROUPS } from './groups.ts';
import { MEMBER_STATES, OBSERVER_STATES } from './memberStates.ts';

export { GROUPS, INTERGOVERNMENTAL, MEMBER_STATES, OBSERVER_STATES, PRESIDING, UN_ENTITIES };

/** Every built-in entry, in a stable order (the seed and its digest depend on it). */
export const SEED_ENTRIES: readonly SeedEntry[] = [
  ...MEMBER_STATES,
  ...OBSERVER_STATES,
  ...UN_ENTITIES,
  ...INTERGOVERNMENTAL,
  ...GROUPS,
  ...PRESIDING,
];
