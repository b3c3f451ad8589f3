/**
 * Finalise across a cluster for one room: the process whose editor finalised asks every process
 * holding the room to sync its writers, lock and store (as a single process does) and to answer;
 * it does the same itself, and succeeds once everyone stored everything. Each process answers
 * only after publishing what its writers sent, on the same ordered channel, so the initiator
 * holds every last keystroke when the answers are in.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { RelayedRoom } from './relayedRoom.ts';
import { writeRelayRoomState, writeRelayFinalise, writeRelayFinalised } from './wire.ts';

/** What a finalise round needs from its room link. */
export interface FinaliseContext {
  room: RelayedRoom;
  processId: string;
  logger: Logger;
  publish(message: Uint8Array): void;
  /** The other processes holding the room now. */
  members(): Promise<string[]>;
  /** Publish what this process's sockets sent so far. */
  flushOutbound(): void;
}

interface Round {
  waiting: Set<string>;
  failed: boolean;
  settle: () => void;
}

/** The finalise rounds of one room link. */
export class FinaliseRounds {
  private readonly rounds = new Map<string, Round>();

  constructor(private readonly ctx: FinaliseContext) {}

  /**
   * Finalise everywhere. Resolves true when everyone stored everything; false (and the room
   * unlocked everywhere) otherwise. A process that does not answer within `answerTimeoutMs`
   * (dead: its clients reconnect to a locked room and keep their edits offline) blocks nobody.
   */
  async run(writerTimeoutMs: number, answerTimeoutMs: number): Promise<boolean> {
    const { ctx } = this;
    const request = randomUUID();
    const waiting = new Set((await ctx.members()).filter((id) => id !== ctx.processId));
    const round: Round = { waiting, failed: false, settle: () => {} };
    const answered = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (waiting.size > 0) ctx.logger.warn('finalise: processes did not answer', { processes: [...waiting] });
        resolve();
      }, answerTimeoutMs);
      round.settle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.rounds.set(request, round);
    if (waiting.size === 0) round.settle();
    ctx.publish(writeRelayFinalise(ctx.processId, request));
    const here = await this.here(writerTimeoutMs);
    await answered;
    this.rounds.delete(request);
    const ok = here && !round.failed;
    if (!ok) {
      ctx.room.setLocked(false);
      ctx.publish(writeRelayRoomState(ctx.processId, { ...ctx.room.roomState, locked: false }));
    }
    return ok;
  }

  /** Another process asked: do our part, then answer. */
  answer(request: string): void {
    void this.here().then((ok) => this.ctx.publish(writeRelayFinalised(this.ctx.processId, request, ok)));
  }

  /** This process's part: its writers' last keystrokes, the lock, everything stored. */
  private async here(writerTimeoutMs = 3_000): Promise<boolean> {
    const { room } = this.ctx;
    await room.syncWriters(writerTimeoutMs);
    room.setLocked(true);
    this.ctx.flushOutbound(); // what the writers sent goes out before our answer (one ordered channel)
    return room.flush(Date.now() + 10_000);
  }

  /** A process's answer. */
  answered(sender: string, request: string, ok: boolean): void {
    const round = this.rounds.get(request);
    if (!round) return;
    if (!ok) round.failed = true;
    if (round.waiting.delete(sender) && round.waiting.size === 0) round.settle();
  }

  /** A process left: nobody waits for its answer. */
  gone(sender: string): void {
    for (const round of this.rounds.values())
      if (round.waiting.delete(sender) && round.waiting.size === 0) round.settle();
  }

  /** The link closes: settle every round. */
  close(): void {
    for (const round of this.rounds.values()) round.settle();
  }
}
