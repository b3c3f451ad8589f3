import { Store } from './store.ts';

/** A short message for the note-taker (a lost race for the next speaker, a failed registry add). */
export interface Notice {
  id: number;
  text: string;
}

/** The cockpit's current notice; each replaces the previous one, and the reader dismisses it. */
export class NoticeStore extends Store<Notice | null> {
  private seq = 0;

  constructor() {
    super(null);
  }

  /** Show `text`. */
  say(text: string): void {
    this.seq += 1;
    this.set({ id: this.seq, text });
  }

  /** Dismiss the notice. */
  clear(): void {
    this.set(null);
  }
}
