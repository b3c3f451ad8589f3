// The client import check: passes on the real client tree, and fails, naming the line, when a
// lower folder imports a higher one (here the editor importing the cockpit).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'check-client-imports.mjs');
const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
let tree = '';

/** A small source tree with the given files (path → text). */
function sourceTree(files) {
  tree = mkdtempSync(join(tmpdir(), 'client-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(tree, path, '..'), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  return tree;
}

afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = '';
});

describe('check-client-imports', () => {
  it('passes on the client as it is', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('allows imports downwards and from packages', () => {
    const root = sourceTree({
      'cockpit/Cockpit.tsx': "import { x } from '../editor/commands.ts';\nimport * as Y from 'yjs';\n",
      'editor/commands.ts': "import { y } from './keys.ts';\nexport const x = 1;\n",
    });
    expect(run('--root', root).status).toBe(0);
  });

  it('fails on an import that runs back up, listing its line', () => {
    const root = sourceTree({
      'cockpit/Cockpit.tsx': 'export const Cockpit = 1;\n',
      'editor/RecordEditor.tsx': "import type { A } from 'react';\nimport { Cockpit } from '../cockpit/Cockpit.tsx';\n",
    });
    const result = run('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("editor/RecordEditor.tsx:2: import { Cockpit } from '../cockpit/Cockpit.tsx'");
  });

  it('fails on a folder that is in no layer', () => {
    const root = sourceTree({ 'widgets/A.tsx': "import { x } from '../editor/commands.ts';\n" });
    const result = run('--root', root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('widgets');
  });
});
