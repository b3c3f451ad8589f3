/**
 * The build stamp: one hash of every file the production build is made from (client, shared and
 * server sources, their package files and the lockfile). `pnpm build` writes it beside the built
 * server; `pnpm start` rebuilds only when the sources no longer match it (issue 13, item 12).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where the stamp is kept: inside server/dist, so removing the build removes it too. */
export const STAMP_FILE = path.join(ROOT, 'server/dist/build-stamp.json');

/** What the build reads (folders are walked, minus generated and installed files). */
const INPUTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'client',
  'shared',
  'server/src',
  'server/scripts',
  'server/package.json',
];
const SKIPPED = new Set(['node_modules', 'dist', '.vite']);

/** The outputs that must exist for a stamp to mean anything. */
const OUTPUTS = ['client/dist/index.html', 'server/dist/main.js'];

function* files(rel) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return;
  if (!statSync(abs).isDirectory()) {
    yield rel;
    return;
  }
  for (const name of readdirSync(abs).sort()) {
    if (SKIPPED.has(name) || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    yield* files(path.join(rel, name));
  }
}

/** The hash of the build's inputs: paths and contents, in a fixed order. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const rel of files(input)) {
      hash.update(`${rel.split(path.sep).join('/')}\0`);
      hash.update(readFileSync(path.join(ROOT, rel)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** Whether the built client and server exist and were built from the sources as they are now. */
export function buildIsCurrent(hash = sourceHash()) {
  if (!OUTPUTS.every((f) => existsSync(path.join(ROOT, f)))) return false;
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8')).sources === hash;
  } catch {
    return false;
  }
}

/** Record that the build now matches `hash`. */
export function writeStamp(hash) {
  writeFileSync(STAMP_FILE, `${JSON.stringify({ sources: hash, builtAt: new Date().toISOString() })}\n`);
}
