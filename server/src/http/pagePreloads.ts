import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Preload links for the code of the page an address opens. The client loads each page's code on
 * demand (the session page's, with the editor, is ~550 KB), and the browser learned which files a
 * page needs only once the application's own script had arrived and run: on a first opening of a
 * session link in the browser benchmark, the session page's files were asked for ~250 ms after
 * the application's script, and the record's socket waited for them (issue 17). Named in the HTML
 * the server returns for that address, they are fetched beside the application's script.
 *
 * The files come from the client build's manifest (`client/dist/.vite/manifest.json`); without
 * one (a development build, a test's stand-in page) there is nothing to add.
 */

/** The client modules each kind of address opens (the on-demand pages of client/src/App.tsx). */
const PAGE_MODULES: ReadonlyArray<{ matches: (pathname: string) => boolean; modules: string[] }> = [
  // the session page, and the module that opens its record ahead of it
  { matches: (p) => p.startsWith('/s/'), modules: ['src/pages/SessionPage.tsx', 'src/session/openSessionAhead.ts'] },
  { matches: (p) => p.startsWith('/observe/'), modules: ['src/pages/ObserverPage.tsx'] },
  { matches: (p) => p === '/search', modules: ['src/pages/SearchPage.tsx'] },
  { matches: (p) => p === '/import', modules: ['src/pages/ImportPage.tsx'] },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The files `modules` need that the entry script does not already bring: scripts, then styles. */
export function filesOf(manifest: Manifest, modules: readonly string[]): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  const visit = (key: string) => {
    const chunk: Partial<ManifestChunk> | undefined = Object.hasOwn(manifest, key) ? manifest[key] : undefined;
    if (seen.has(key) || typeof chunk !== 'object' || chunk === null || chunk.isEntry) return;
    seen.add(key);
    if (typeof chunk.file === 'string' && chunk.file.endsWith('.js')) scripts.push(chunk.file);
    for (const style of strings(chunk.css)) if (!styles.includes(style)) styles.push(style);
    for (const imported of strings(chunk.imports)) visit(imported);
  };
  for (const module of modules) visit(module);
  return { scripts, styles };
}

/**
 * Link tags for `files` (file names from our own build: hashed, no quotes). Scripts as the client's
 * own module script asks for them (crossorigin); styles as Vite's loader adds them (without).
 */
function linkTags({ scripts, styles }: { scripts: string[]; styles: string[] }): string {
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...styles.map((file) => `<link rel="preload" as="style" href="/${file}">`),
  ].join('');
}

/**
 * A function giving the link tags for an address's path ('' when it opens nothing on demand),
 * read once from the build in `clientDir`.
 */
export function pagePreloads(clientDir: string): (pathname: string) => string {
  const manifestFile = path.join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return () => '';
  let tags: Array<{ matches: (pathname: string) => boolean; tags: string }>;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    tags = PAGE_MODULES.map(({ matches, modules }) => ({ matches, tags: linkTags(filesOf(manifest, modules)) }));
  } catch {
    return () => ''; // a damaged manifest costs the preloads, never the page
  }
  return (pathname) => tags.find((page) => page.matches(pathname))?.tags ?? '';
}
