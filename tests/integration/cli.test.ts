import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFixture } from '@rapporteur/shared/testing';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/server.ts';

const run = promisify(execFile);

describe('the rapporteur command', () => {
  // skipped with readFixture's message where the fixture is not beside the repository
  it.skipIf(!readFixture())(
    '`pnpm --silent rapporteur parse FILE` from the repository root prints the fixture as JSON and nothing else',
    async () => {
      const { stdout } = await run(
        'npx',
        [
          '-y',
          'pnpm@10.34.9',
          '--silent',
          'rapporteur',
          'parse',
          '../shared/fixtures/cnd-intersessional-2017-01-24.txt',
        ],
        { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
      );
      const record = JSON.parse(stdout);
      const blocks = record.sections.flatMap((s: { blocks: { speaker: string }[] }) => s.blocks);
      expect(blocks).toHaveLength(15);
      expect(blocks[0].speaker).toBe('UNODC');
      expect(blocks[14]).toMatchObject({
        speaker: 'Amaya Ordorika Imaz',
        affiliation: 'Mexican Commission for the Defense and Promotion of Human Rights',
      });
    },
  );
});
