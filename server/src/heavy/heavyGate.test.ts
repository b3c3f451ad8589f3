import { describe, expect, it } from 'vitest';
import { HeavyGate } from './heavyGate.ts';

describe('HeavyGate', () => {
  it('admits each client up to its allowance, and again once one is released', () => {
    const gate = new HeavyGate({ perClient: 2, anonymous: 3 });
    const a1 = gate.tryEnter('token:a');
    const a2 = gate.tryEnter('token:a');
    expect(a1 && a2).toBeTruthy();
    expect(gate.tryEnter('token:a')).toBeNull();
    expect(gate.tryEnter('token:b')).not.toBeNull(); // another client is not held back
    a1!();
    a1!(); // releasing twice frees one place only
    expect(gate.tryEnter('token:a')).not.toBeNull();
    expect(gate.tryEnter('token:a')).toBeNull();
  });

  it('gives anonymous readers one allowance together', () => {
    const gate = new HeavyGate({ perClient: 1, anonymous: 2 });
    expect(gate.tryEnter(null)).not.toBeNull();
    expect(gate.tryEnter(null)).not.toBeNull();
    expect(gate.tryEnter(null)).toBeNull();
    expect(gate.limitOf(null)).toBe(2);
    expect(gate.limitOf('admin')).toBe(1);
  });
});
