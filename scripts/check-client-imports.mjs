#!/usr/bin/env node
// Checks that imports between the client's top-level folders (client/src/<folder>/) run one way:
// a folder may import only folders in a lower layer (or its own folder). Prints each offending
// import line and exits 1 when one runs back up. Plain Node, no dependency.
//
// Allowed direction, highest layer first (a folder imports only from layers below it):
//
//   main.tsx                                   mounts the app
//   App.tsx                                    the routes
//   pages                                      one component per route
//   observer                                   the observer's live read-only view (uses session's badge and anchors)
//   session                                    the live session: composes the editor with the cockpit's add-ons
//   cockpit, versions                          speaker/marker panels, node views, extensions, stores; saved versions
//   record                                     the read-only record view and its live reading
//   editor                                     the collaborative editor: Y.Doc session, schema, commands, keys
//   components                                 shared widgets (dialogs, forms, export menu)
//   api, user, a11y, format.ts, styles.css,    HTTP calls, the local identity, focus helpers, formatting,
//   tokens.css                                 the base stylesheet and the design tokens
//
// The editor knows nothing of the cockpit: it takes the cockpit's extensions, speaker block view,
// frame and presence note through `EditorAddons` (editor/addons.ts), which the session passes in.
//
// Packages (@rapporteur/shared, react, yjs, ...) are always allowed; a file or folder in no layer
// fails until it is placed. Run with --graph to print every folder-to-folder edge instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Layers, highest first; each entry is the set of top-level names in that layer. */
const LAYERS = [
  ['main.tsx'],
  ['App.tsx'],
  ['pages'],
  ['observer'],
  ['session'],
  ['cockpit', 'versions'],
  ['record'],
  ['editor'],
  ['components', 'onDemandPage.tsx'],
  ['api', 'user', 'a11y', 'format.ts', 'styles.css', 'tokens.css'],
];

const rootFlag = process.argv.indexOf('--root');
/** The source tree checked: client/src, or `--root DIR` (the script's own test uses a small tree). */
const root =
  rootFlag >= 0
    ? resolve(process.argv[rootFlag + 1])
    : resolve(dirname(fileURLToPath(import.meta.url)), '..', 'client', 'src');
const layerOf = new Map(LAYERS.flatMap((names, index) => names.map((name) => [name, index])));

/** Every .ts/.tsx file under `dir`. */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The top-level entry of the source root that `path` (absolute) lies in, e.g. "cockpit" or "App.tsx". */
function topLevel(path) {
  return relative(root, path).split(sep)[0];
}

/** The top-level name a relative specifier resolves to, trying the file name with and without extension. */
function targetOf(file, specifier) {
  const target = resolve(dirname(file), specifier);
  const rel = relative(root, target);
  if (rel.startsWith('..')) return null;
  const first = rel.split(sep)[0];
  if (layerOf.has(first)) return first;
  for (const ext of ['.ts', '.tsx', '.css']) if (layerOf.has(first + ext)) return first + ext;
  return first;
}

const importPattern =
  /(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;
const showGraph = process.argv.includes('--graph');
const edges = new Map();
const offences = [];
const unknown = new Set();

for (const file of sourceFiles(root)) {
  const from = topLevel(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier.startsWith('.')) continue; // packages are always allowed
    const to = targetOf(file, specifier);
    if (to === null || to === from) continue;
    edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
    const fromLayer = layerOf.get(from);
    const toLayer = layerOf.get(to);
    if (fromLayer === undefined) unknown.add(from);
    if (toLayer === undefined) unknown.add(to);
    if (fromLayer === undefined || toLayer === undefined || toLayer <= fromLayer) {
      const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
      const source = match[0].trim().replace(/\s+/g, ' ');
      offences.push(
        `${relative(resolve(root, '..', '..'), file)
          .split(sep)
          .join('/')}:${line}: ${source}`,
      );
    }
  }
}

if (showGraph) {
  for (const [edge, count] of [...edges].sort()) console.log(`${edge} (${count})`);
  process.exit(0);
}
if (unknown.size > 0) console.error(`not placed in a layer (add to LAYERS): ${[...unknown].join(', ')}`);
if (offences.length > 0) {
  console.error(`${offences.length} import(s) run back up between client folders (see the layers in this script):`);
  for (const offence of offences) console.error(`  ${offence}`);
  process.exit(1);
}
console.log('client imports run one way');
