import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/clients.ts';
import { appendSpeakerBlock, blockText, recordString, typeChars } from '../helpers/record.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

describe('observer batching in a busy room', () => {
  // 10 observers × ~100 fan-outs a second is far past 50 frames a second: observers are batched
  const suite = useTestServer('pglite', { observerFramesPerSecond: 50 });

  it('sends observers merged updates, fewer than the keystrokes, and they still get every character', async () => {
    const s = await newSession(suite.server, 'busy room');
    const [alice, bob] = [suite.connect(s, { token: s.noteTaker }), suite.connect(s, { token: s.noteTaker })];
    const observers = Array.from({ length: 10 }, () => suite.connect(s, { token: s.observer }));
    await Promise.all([alice, bob, ...observers].map((c) => c.synced()));
    appendSpeakerBlock(alice.doc, { speaker: 'Chair' });
    await waitFor(() => recordString(bob.doc) === recordString(alice.doc), 'block reaches bob');
    const counts = observers.map(() => 0);
    observers.forEach((o, i) => {
      o.doc.on('update', () => {
        counts[i]!++;
      });
    });
    let bobUpdates = 0;
    bob.doc.on('update', () => bobUpdates++);

    const typed = 'The Commission took note of the report.';
    await typeChars(blockText(alice.doc, 0), typed, 5);
    await waitFor(
      () => observers.every((o) => recordString(o.doc) === recordString(alice.doc)),
      'every observer has every character',
    );
    expect(blockText(observers[0]!.doc, 0).toString()).toBe(typed);
    // the writer beside her is never batched: each keystroke reaches him on its own
    expect(bobUpdates).toBeGreaterThan(typed.length / 2);
    // observers got far fewer, larger updates
    for (const n of counts) expect(n).toBeLessThan(typed.length / 2);
  });
});
