import { HEAVY_WORKERS } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import { heavyWorkerCount } from './workerCount.ts';

describe('heavy worker count', () => {
  it('leaves one core to the event loop, with at least one worker and at most HEAVY_WORKERS', () => {
    expect(heavyWorkerCount(1)).toBe(1);
    expect(heavyWorkerCount(2)).toBe(1);
    expect(heavyWorkerCount(3)).toBe(Math.min(2, HEAVY_WORKERS));
    expect(heavyWorkerCount(64)).toBe(HEAVY_WORKERS);
  });
});
