import { describe, expect, it } from 'vitest';
import { EarlyFrames } from './earlyFrames.ts';

describe('EarlyFrames', () => {
  it('keeps frames in order within the caps', () => {
    const early = new EarlyFrames(3, 100);
    expect(early.push(Buffer.from([1]))).toBe(true);
    expect(early.push(Buffer.from([2, 2]))).toBe(true);
    expect(early.size).toBe(3);
    expect(early.take().map((b) => b[0])).toEqual([1, 2]);
    expect(early.size).toBe(0);
  });

  it('drops everything once the byte cap is passed, whatever the frame count', () => {
    const early = new EarlyFrames(1_000, 1_000);
    expect(early.push(Buffer.alloc(600))).toBe(true);
    expect(early.push(Buffer.alloc(600))).toBe(false);
    expect(early.size).toBe(0);
    expect(early.push(Buffer.alloc(1))).toBe(false); // it stays overflowed
    expect(early.take()).toEqual([]);
  });

  it('drops everything once the count cap is passed', () => {
    const early = new EarlyFrames(2, 1_000);
    early.push(Buffer.alloc(1));
    early.push(Buffer.alloc(1));
    expect(early.push(Buffer.alloc(1))).toBe(false);
    expect(early.size).toBe(0);
  });
});
