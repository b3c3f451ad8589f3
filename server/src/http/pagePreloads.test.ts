import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesOf, pagePreloads } from './pagePreloads.ts';

/** A manifest shaped as Vite writes it: an entry, pages loaded on demand, shared chunks. */
const MANIFEST = {
  'index.html': { file: 'assets/index-A.js', isEntry: true, css: ['assets/index-A.css'] },
  _shared: { file: 'assets/shared-B.js', imports: ['index.html'] },
  _yjs: { file: 'assets/yjs-C.js', imports: ['_shared'], css: ['assets/yjs-C.css'] },
  'src/pages/SessionPage.tsx': {
    file: 'assets/SessionPage-D.js',
    imports: ['index.html', '_yjs', '_shared'],
    css: ['assets/SessionPage-D.css'],
  },
  'src/session/openSessionAhead.ts': { file: 'assets/openSessionAhead-E.js', imports: ['_yjs'] },
  'src/pages/SearchPage.tsx': { file: 'assets/SearchPage-F.js', imports: ['index.html'] },
};

describe('page preloads', () => {
  const dirs: string[] = [];
  const clientDir = (manifest?: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-preloads-'));
    dirs.push(dir);
    if (manifest !== undefined) {
      mkdirSync(path.join(dir, '.vite'));
      writeFileSync(path.join(dir, '.vite', 'manifest.json'), manifest);
    }
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('names a page’s files and what they import, once each, never the entry the page already has', () => {
    expect(filesOf(MANIFEST, ['src/pages/SessionPage.tsx', 'src/session/openSessionAhead.ts'])).toEqual({
      scripts: ['assets/SessionPage-D.js', 'assets/yjs-C.js', 'assets/shared-B.js', 'assets/openSessionAhead-E.js'],
      styles: ['assets/SessionPage-D.css', 'assets/yjs-C.css'],
    });
  });

  it('gives link tags by address: the session page’s for a session link, none for the list page', () => {
    const linksFor = pagePreloads(clientDir(JSON.stringify(MANIFEST)));
    const session = linksFor('/s/0d5b1c52-2f1c-4d8e-9a0e-2b8f1f6b3c11');
    expect(session).toContain('<link rel="modulepreload" crossorigin href="/assets/SessionPage-D.js">');
    expect(session).toContain('<link rel="modulepreload" crossorigin href="/assets/openSessionAhead-E.js">');
    expect(session).toContain('<link rel="preload" as="style" href="/assets/SessionPage-D.css">');
    expect(session).not.toContain('index-A');
    expect(linksFor('/search')).toBe('<link rel="modulepreload" crossorigin href="/assets/SearchPage-F.js">');
    expect(linksFor('/')).toBe('');
    expect(linksFor('/observe/x')).toBe(''); // a page the manifest does not have
  });

  it('adds nothing without a manifest or with a damaged one', () => {
    expect(pagePreloads(clientDir())('/s/x')).toBe('');
    expect(pagePreloads(clientDir('{"index.html": '))('/s/x')).toBe('');
    expect(pagePreloads(clientDir('null'))('/s/x')).toBe('');
    expect(pagePreloads(clientDir('{"src/pages/SessionPage.tsx": {"imports": 5}}'))('/s/x')).toBe('');
  });
});
