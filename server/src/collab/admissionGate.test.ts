import { describe, expect, it } from 'vitest';
import { AdmissionGate, type AdmissionTicket } from './admissionGate.ts';

describe('AdmissionGate', () => {
  it('refuses past the admission limit and reports itself saturated until a place frees', () => {
    const gate = new AdmissionGate({ pendingAdmissions: 2, perAddress: 10 });
    const a = gate.enter('1.1.1.1') as AdmissionTicket;
    gate.enter('2.2.2.2');
    expect(gate.enter('3.3.3.3')).toBe('admission_saturated');
    expect(gate.stats()).toEqual({ pending: 2, pendingLimit: 2, saturated: true });
    a.admitted();
    expect(gate.stats().saturated).toBe(false);
    expect(typeof gate.enter('3.3.3.3')).toBe('object');
  });

  it('gives every place back exactly once, whichever of admitted() and release() comes first or twice', () => {
    const gate = new AdmissionGate({ pendingAdmissions: 5, perAddress: 2 });
    const a = gate.enter('1.1.1.1') as AdmissionTicket;
    const b = gate.enter('1.1.1.1') as AdmissionTicket;
    expect(gate.enter('1.1.1.1')).toBe('address_limit');
    // a socket ws closed without ever calling back: only release() runs
    b.release();
    b.release();
    expect(gate.pending).toBe(1);
    expect(gate.heldBy('1.1.1.1')).toBe(1);
    a.admitted();
    a.admitted();
    expect(gate.pending).toBe(0);
    expect(gate.heldBy('1.1.1.1')).toBe(1); // admitted sockets still count at their address
    a.release();
    expect(gate.heldBy('1.1.1.1')).toBe(0);
    expect(gate.pending).toBe(0);
  });
});
