/**
 * Frames a socket delivered while it was being admitted, kept to be handled once it joins its
 * room. Bounded in count and in bytes: a client offering a gigabyte before its token was checked
 * once made the server hold ~700 MB of it (issue 12, item 3).
 */
import { MAX_EARLY_BYTES, MAX_EARLY_FRAMES } from '@rapporteur/shared/protocol';

/** A bounded list of early frames; `push` says false once a cap is passed (and keeps nothing more). */
export class EarlyFrames {
  private frames: Buffer[] = [];
  private bytes = 0;
  private overflowed = false;

  constructor(
    private readonly maxFrames = MAX_EARLY_FRAMES,
    private readonly maxBytes = MAX_EARLY_BYTES,
  ) {}

  /** Keep a frame; false (and everything dropped) when it passes the count or byte cap. */
  push(frame: Buffer): boolean {
    if (this.overflowed) return false;
    if (this.frames.length + 1 > this.maxFrames || this.bytes + frame.byteLength > this.maxBytes) {
      this.drop();
      this.overflowed = true;
      return false;
    }
    this.frames.push(frame);
    this.bytes += frame.byteLength;
    return true;
  }

  /** The frames kept, in order; the list is emptied. */
  take(): Buffer[] {
    const frames = this.frames;
    this.drop();
    return frames;
  }

  /** Forget every frame (a refused socket keeps nothing). */
  drop(): void {
    this.frames = [];
    this.bytes = 0;
  }

  /** Bytes held now. */
  get size(): number {
    return this.bytes;
  }
}
