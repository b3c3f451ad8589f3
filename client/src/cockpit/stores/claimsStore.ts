/**
 * Claims of this session ("I'm minuting Brazil") as the awareness states carry them, grouped by
 * block. Awareness changes with every caret move of everyone; the store changes only when a claim
 * or a claimer's name or colour does, so block headers do not re-render while people type.
 */
import { type Claim, claimsByBlock, setClaim } from '@rapporteur/shared/cockpit';
import type { Awareness } from 'y-protocols/awareness';
import { Store } from './store.ts';

/** Claims by block id, and the block this page claims. */
export interface ClaimsState {
  byBlock: ReadonlyMap<string, readonly Claim[]>;
  mine: string | null;
}

const EMPTY: readonly Claim[] = [];

/** Claims of one awareness, kept current until `destroy()`. */
export class ClaimsStore extends Store<ClaimsState> {
  private key = '';
  private readonly onChange = () => this.refresh();

  constructor(readonly awareness: Awareness) {
    super({ byBlock: new Map(), mine: null });
    awareness.on('change', this.onChange);
    this.refresh();
  }

  private refresh(): void {
    const byBlock = claimsByBlock(this.awareness.getStates() as Map<number, Record<string, unknown>>);
    let mine: string | null = null;
    for (const [blockId, claims] of byBlock) if (claims.some((c) => this.isMine(c))) mine = blockId;
    const key = JSON.stringify([...byBlock]);
    if (key === this.key && mine === this.get().mine) return;
    this.key = key;
    this.set({ byBlock, mine });
  }

  /** Whether a claim is this page's own. */
  isMine(claim: Claim): boolean {
    return claim.clientId === this.awareness.clientID;
  }

  /** The claims on one block (a stable empty list when none). */
  claimsOf(blockId: string): readonly Claim[] {
    return this.get().byBlock.get(blockId) ?? EMPTY;
  }

  /** Claim `blockId`, or release it when this page already claims it. One claim per person. */
  toggle(blockId: string): void {
    setClaim(this.awareness, this.get().mine === blockId ? null : blockId);
  }

  /** Claim a block (null releases). */
  claim(blockId: string | null): void {
    setClaim(this.awareness, blockId);
  }

  /** Stop following the awareness. */
  destroy(): void {
    this.awareness.off('change', this.onChange);
  }
}
