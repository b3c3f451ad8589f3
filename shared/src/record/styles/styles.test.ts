/** Property tests: seeded random records rendered in each house style read back to the same structure. */
import { describe, expect, it } from 'vitest';
import { randomMeeting } from '../../testing/meetings.ts';
import { seededRandom } from '../../testing/random.ts';
import { parseText } from '../parseText.ts';
import { structureOf } from '../structure.ts';
import { HOUSE_STYLES } from './index.ts';

describe.each(HOUSE_STYLES.map((s) => [s.name, s] as const))('records rendered in the %s style', (_name, style) => {
  // hundreds of parses: seconds on a loaded machine, so the timeout is generous (it times nothing)
  it('parse back to the same structure (200 seeded random records)', { timeout: 60_000 }, () => {
    const seed = 15;
    const rand = seededRandom(seed);
    for (let n = 0; n < 200; n++) {
      const record = randomMeeting(rand, style.shape);
      const text = style.render(record, rand);
      expect(structureOf(parseText(text)), `seed ${seed}, record ${n}:\n${text}`).toEqual(style.readsBackAs(record));
    }
  });
});
