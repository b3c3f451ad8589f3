/**
 * How many heavy-work threads a server starts: one core is left to the event loop, which relays
 * live typing, so a machine of n cores gets n − 1 workers, at least one and at most HEAVY_WORKERS.
 */
import { availableParallelism } from 'node:os';
import { HEAVY_WORKERS } from '@rapporteur/shared/protocol';

export function heavyWorkerCount(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(HEAVY_WORKERS, cores - 1));
}
