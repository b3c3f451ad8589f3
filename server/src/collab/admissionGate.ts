/**
 * Admission accounting of the sync endpoint: how many sockets each network address holds, and how
 * many are being admitted (token check, room load) at once. A place is taken before the handshake
 * and handed back through a ticket whose release is idempotent and wired to the socket's `close`,
 * so no path (a handshake `ws` refuses without calling back, a client that leaves mid-admission, a
 * timeout, an exception) can keep a place forever (issue 12, item 2: 512 bad handshakes used to
 * lock every later socket out until restart).
 */
import { MAX_CONNECTIONS_PER_ADDRESS, MAX_PENDING_ADMISSIONS } from '@rapporteur/shared/protocol';

/** Connection limits; defaults from shared/protocol/limits.ts, lowered in tests. */
export interface CollabLimits {
  perAddress: number;
  pendingAdmissions: number;
}

/** One socket's places: in admission until `admitted()`, at its address until `release()`. */
export interface AdmissionTicket {
  /** Admission is over (admitted or refused): the admission place is free again. */
  admitted(): void;
  /** The socket is gone: every place it held is free again. */
  release(): void;
}

/** Why a socket gets no place. */
export type AdmissionRefusal = 'address_limit' | 'admission_saturated';

/** What /health reports about the gate. */
export interface AdmissionStats {
  pending: number;
  pendingLimit: number;
  /** New sockets are refused for lack of admission places. */
  saturated: boolean;
}

/** Counts of sockets per address and in admission, with tickets that cannot leak. */
export class AdmissionGate {
  readonly limits: CollabLimits;
  private readonly perAddress = new Map<string, number>();
  private pendingCount = 0;

  constructor(limits: Partial<CollabLimits> = {}) {
    this.limits = {
      perAddress: limits.perAddress ?? MAX_CONNECTIONS_PER_ADDRESS,
      pendingAdmissions: limits.pendingAdmissions ?? MAX_PENDING_ADMISSIONS,
    };
  }

  /** Take places for a socket from `address`, or say why there are none. */
  enter(address: string): AdmissionTicket | AdmissionRefusal {
    const open = this.perAddress.get(address) ?? 0;
    if (open >= this.limits.perAddress) return 'address_limit';
    if (this.pendingCount >= this.limits.pendingAdmissions) return 'admission_saturated';
    this.perAddress.set(address, open + 1);
    this.pendingCount++;
    let inAdmission = true;
    let atAddress = true;
    const admitted = () => {
      if (!inAdmission) return;
      inAdmission = false;
      this.pendingCount--;
    };
    return {
      admitted,
      release: () => {
        admitted();
        if (!atAddress) return;
        atAddress = false;
        const n = (this.perAddress.get(address) ?? 1) - 1;
        if (n <= 0) this.perAddress.delete(address);
        else this.perAddress.set(address, n);
      },
    };
  }

  /** Sockets in admission now. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Sockets held by one address (tests, diagnostics). */
  heldBy(address: string): number {
    return this.perAddress.get(address) ?? 0;
  }

  stats(): AdmissionStats {
    return {
      pending: this.pendingCount,
      pendingLimit: this.limits.pendingAdmissions,
      saturated: this.pendingCount >= this.limits.pendingAdmissions,
    };
  }
}
