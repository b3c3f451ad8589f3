export { identityKey } from './identity.ts';
export { seedDigest, seedRegistry, type SeedResult } from './seed.ts';
export { sessionSpeakers } from './sessionSpeakers.ts';
export { type RankedEntry, RegistryConflict, RegistryStore } from './store.ts';
