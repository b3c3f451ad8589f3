import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFixture } from '@rapporteur/shared/testing';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from './cli.ts';

/** The repository's parent, where shared/fixtures lives beside the repo. */
const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

function fakeIo(stdin = ''): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd: path.join(WORKSPACE, 'elsewhere'),
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
    readStdin: async () => stdin,
  };
  return io;
}

describe('rapporteur CLI', () => {
  // skipped with readFixture's message where the fixture is not beside the repository
  it.skipIf(!readFixture())(
    'prints only the parsed record as JSON, resolving FILE against the directory it was run from',
    async () => {
      const run = fakeIo();
      run.cwd = WORKSPACE;
      const code = await runCli(['parse', 'shared/fixtures/cnd-intersessional-2017-01-24.txt'], run);
      expect(code).toBe(0);
      expect(run.stderr).toBe('');
      const record = JSON.parse(run.stdout);
      expect(record.sections[0].blocks).toHaveLength(15);
      expect(record.sections[0].blocks[0]).toEqual(expect.objectContaining({ speaker: 'UNODC', affiliation: null }));
    },
  );

  it('reads stdin for -', async () => {
    const io = fakeIo('Title\n\nChair: Welcome.');
    expect(await runCli(['parse', '-'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({
      title: 'Title',
      sections: [
        {
          heading: null,
          // today's fields first, then what the reader adds beside them (issue 15)
          blocks: [
            {
              speaker: 'Chair',
              affiliation: null,
              onBehalfOf: null,
              paragraphs: ['Welcome.'],
              qualifiers: [],
              kind: 'chair',
              canonical: 'Chair',
              confidence: 0.95,
              reason: 'known speaker',
            },
          ],
        },
      ],
      warnings: [],
    });
  });

  it("prints the warnings and each block's confidence and reason for a record it is unsure of", async () => {
    const io = fakeIo('Minutes\n\nSome introduction.\n\nChair: Welcome.\n\nZorblat Quux: Hello.');
    expect(await runCli(['parse', '-'], io)).toBe(0);
    const record = JSON.parse(io.stdout);
    expect(
      record.sections[0].blocks.map((b: { speaker: string; confidence: number }) => [b.speaker, b.confidence]),
    ).toEqual([
      ['', 0.5],
      ['Chair', 0.95],
      ['Zorblat Quux', 0.75],
    ]);
    expect(record.sections[0].blocks[0].reason).toBe('text before the first speaker');
    expect(record.warnings).toEqual(['1 of 3 blocks are uncertain (text without a speaker): check them']);
  });

  it('explains mistakes on stderr with a non-zero exit and nothing on stdout', async () => {
    for (const [args, code, message] of [
      [['parse', 'no-such-file.txt'], 1, 'cannot read no-such-file.txt: no such file'],
      [['parse'], 2, 'parse needs exactly one FILE'],
      [['frobnicate'], 2, 'unknown command: frobnicate'],
      [[], 2, 'usage: rapporteur parse FILE'],
    ] as const) {
      const io = fakeIo();
      expect(await runCli([...args], io)).toBe(code);
      expect(io.stdout).toBe('');
      expect(io.stderr).toContain(message);
    }
  });
});
