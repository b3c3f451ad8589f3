/**
 * The directory on this page: the built-in entries at once, the server's registry as soon as it
 * answers (kept in localStorage, so names sessions added are there offline too), and names added
 * from here. Ranking against it is synchronous; see suggest.ts.
 */
import type { RegistryEntry } from '@rapporteur/shared/api';
import { createMatcher, findExact, SEED_ENTRIES } from '@rapporteur/shared/registry';
import { type DirectoryEntry, mergeDirectory } from '../model/directory.ts';
import type { AddableKind } from '../model/headerChoice.ts';
import { addRegistryEntry, fetchRegistry } from '../registry/registryApi.ts';
import { Store } from './store.ts';

const CACHE_KEY = 'rapporteur:registry';

/** The directory with a matcher built over it; replaced as a whole when entries arrive. */
export interface Directory {
  entries: readonly DirectoryEntry[];
  rank: ReturnType<typeof createMatcher<DirectoryEntry>>;
  known(name: string): DirectoryEntry | undefined;
  /** Whether the server's registry was read (unknown-name flags wait for it). */
  fetched: boolean;
}

function build(fetched: readonly RegistryEntry[], fromServer: boolean): Directory {
  const entries = mergeDirectory(SEED_ENTRIES, fetched);
  // a name is known when it, or one of its short forms, is in the directory
  const cache = new Map<string, DirectoryEntry | undefined>();
  return {
    entries,
    rank: createMatcher(entries),
    known(name) {
      if (!cache.has(name)) cache.set(name, findExact(name, entries));
      return cache.get(name);
    },
    fetched: fromServer,
  };
}

function readCache(): RegistryEntry[] {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? (list as RegistryEntry[]) : [];
  } catch {
    return [];
  }
}

function writeCache(entries: readonly RegistryEntry[]): void {
  try {
    // built-in entries ship with the code; keep only what sessions added
    localStorage.setItem(CACHE_KEY, JSON.stringify(entries.filter((e) => e.source === 'session')));
  } catch {
    // storage full or blocked: the server's entries last for this page
  }
}

/** The directory of one page, loaded from the server with `token`. */
export class DirectoryStore extends Store<Directory> {
  private fetched: RegistryEntry[] = readCache();

  constructor(
    private readonly sessionId: string,
    private readonly token: string | null,
  ) {
    super(build(readCache(), false));
  }

  /** Read the server's registry; offline or refused, the built-in entries stay. */
  async load(signal?: AbortSignal): Promise<void> {
    try {
      this.fetched = await fetchRegistry(this.token, signal);
      writeCache(this.fetched);
      this.set(build(this.fetched, true));
    } catch {
      // the built-in directory still answers; unknown-name flags stay off until the server does
    }
  }

  /** Add a name to the registry (one click on "not in registry"). Throws the server's message. */
  async add(name: string, kind: AddableKind, affiliation = ''): Promise<void> {
    const entry = await addRegistryEntry(this.sessionId, { name, kind, affiliation }, this.token);
    this.fetched = [...this.fetched.filter((e) => e.id !== entry.id), entry];
    writeCache(this.fetched);
    this.set(build(this.fetched, true));
  }
}
