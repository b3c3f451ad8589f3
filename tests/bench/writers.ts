/**
 * Note-takers: each writer appends its own speaker block, then types one character per
 * transaction at a steady rate into it and moves its caret with every keystroke, as the
 * collaboration-caret extension does (an awareness `cursor` field of relative positions).
 */
import * as Y from 'yjs';
import { appendSpeakerBlock } from '../helpers/record.ts';
import type { BenchClient } from './clients.ts';
import type { PropagationRecorder } from './propagation.ts';

const TEXT = 'The Commission took note of the report and of the statements made. ';
const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c'];

/** Typing writers; `stop()` ends all typing. */
export interface Typing {
  stop(): void;
}

/** Set up each writer's block and presence, then type `charsPerSecond` characters per writer. */
export function startTyping(writers: BenchClient[], recorder: PropagationRecorder, charsPerSecond: number): Typing {
  const timers: NodeJS.Timeout[] = [];
  const starts: NodeJS.Timeout[] = [];
  const period = 1000 / charsPerSecond;
  writers.forEach((w, i) => {
    const text = appendSpeakerBlock(w.doc, { speaker: `Delegate ${i + 1}`, affiliation: 'Member State' });
    w.awareness.setLocalStateField('user', { name: `Note-taker ${i + 1}`, color: COLOURS[i % COLOURS.length] });
    // keystrokes awaiting the server's "persisted" acknowledgement: [clock, t0] in clock order
    const pending: [number, number][] = [];
    w.onPersisted = (stored) => {
      const now = performance.now();
      while (pending.length > 0 && pending[0]![0] < stored) recorder.saved.push(now - pending.shift()![1]);
    };
    let k = 0;
    const keystroke = () => {
      const clock = Y.getState(w.doc.store, w.doc.clientID);
      recorder.typing(w, clock);
      pending.push([clock, performance.now()]);
      text.insert(text.length, TEXT[k++ % TEXT.length]!);
      const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
      w.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
    };
    // writers start out of phase, as people do
    starts.push(
      setTimeout(
        () => {
          keystroke();
          timers.push(setInterval(keystroke, period));
        },
        (period * i) / writers.length,
      ),
    );
  });
  return {
    stop: () => {
      for (const t of starts) clearTimeout(t);
      for (const t of timers) clearInterval(t);
    },
  };
}
