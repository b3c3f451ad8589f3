import { describe, expect, it } from 'vitest';
import { blockElementId, blockIdOfHash } from './blockAnchor.ts';

describe('block addresses', () => {
  it('read the block id from the hash, escaped or not', () => {
    expect(blockIdOfHash('#block-6f1c2d4e-0000-4000-8000-000000000001')).toBe('6f1c2d4e-0000-4000-8000-000000000001');
    expect(blockIdOfHash('#block-a%7E2')).toBe('a~2');
    expect(blockElementId('a~2')).toBe('block-a~2');
  });

  it('ignore any other hash', () => {
    expect(blockIdOfHash('')).toBeNull();
    expect(blockIdOfHash('#main')).toBeNull();
    expect(blockIdOfHash('#block-')).toBeNull();
    expect(blockIdOfHash('#block-%E0%A4%A')).toBeNull();
  });
});
