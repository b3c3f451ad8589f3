/**
 * How many heavy requests (imports, exports) each client may have at once. A client is a
 * principal (the admin, or one capability token by its hash), never a network address: behind a
 * reverse proxy every visitor shares one. Anonymous readers of public sessions share one global
 * allowance, so nobody can lift their limit by dropping their token.
 */

/** Who asks: a principal's key, or null for an anonymous reader of a public session. */
export type HeavyClient = string | null;

const ANONYMOUS = '\u0000anonymous';

/** Counts of heavy requests in flight per client, refusing those over the client's allowance. */
export class HeavyGate {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limits: { perClient: number; anonymous: number }) {}

  /** Admit a request of `client` (returns its release, to call once), or null when over the limit. */
  tryEnter(client: HeavyClient): (() => void) | null {
    const key = client ?? ANONYMOUS;
    const cap = client === null ? this.limits.anonymous : this.limits.perClient;
    const count = this.inFlight.get(key) ?? 0;
    if (count >= cap) return null;
    this.inFlight.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }

  /** The allowance of `client`, for the error message. */
  limitOf(client: HeavyClient): number {
    return client === null ? this.limits.anonymous : this.limits.perClient;
  }
}
