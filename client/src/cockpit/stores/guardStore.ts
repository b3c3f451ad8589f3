/**
 * The question asked before typing into a block someone else claimed: which block, whose claim,
 * and the text held back until the answer. A "yes" is remembered for that block for as long as
 * the page lives, so the question comes once.
 */
import { Store } from './store.ts';

/** A pending question. */
export interface GuardPrompt {
  blockId: string;
  /** Who claimed the block. */
  name: string;
  color: string;
  /** Text typed while the question was open, inserted if the answer is yes. */
  pending: string;
  /** Why we ask: the block is claimed, or someone is typing in it right now. */
  reason: 'claim' | 'typing';
}

/** The open question (or null) and the blocks already confirmed. */
export class GuardStore extends Store<GuardPrompt | null> {
  private readonly confirmed = new Set<string>();

  constructor() {
    super(null);
  }

  /** Whether typing in `blockId` was already confirmed. */
  isConfirmed(blockId: string): boolean {
    return this.confirmed.has(blockId);
  }

  /** Ask (or keep asking) about `blockId`, holding back `text`. */
  ask(blockId: string, name: string, color: string, text = '', reason: GuardPrompt['reason'] = 'claim'): void {
    const open = this.get();
    this.set({
      blockId,
      name,
      color,
      reason,
      pending: open?.blockId === blockId ? open.pending + text : text,
    });
  }

  /** "Type here anyway": remember it, close the question, and return the text held back. */
  confirm(): { blockId: string; pending: string } | null {
    const open = this.get();
    if (!open) return null;
    this.confirmed.add(open.blockId);
    this.set(null);
    return { blockId: open.blockId, pending: open.pending };
  }

  /** Close the question without typing (the held-back text is dropped): the answer no. */
  dismiss(): void {
    this.set(null);
  }

  /**
   * The caret left the block the question is about: close it without typing, and return it (with
   * the text held back) so that the note-taker can be told what was not typed.
   */
  leave(): GuardPrompt | null {
    const open = this.get();
    if (open) this.set(null);
    return open;
  }
}

/**
 * What to tell a note-taker who moved away from a question with text held back: nothing typed
 * disappears without a word, and the words are there to type again where they belong.
 */
export function heldBackNotice(prompt: GuardPrompt | null): string | null {
  if (!prompt || prompt.pending.trim() === '') return null;
  return `Not typed into ${prompt.name}'s statement (you moved on before answering): “${prompt.pending}”`;
}
