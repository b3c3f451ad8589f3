/**
 * Ranking of registry entries for autocomplete. Pure and synchronous so the client can rank
 * locally on every keystroke and the server ranks the same way for `GET /api/registry?q=`.
 *
 * Each name and alias is compared with the query in normal form (see normalise.ts) and scored
 * by the best of: exact (100), whole-name prefix (80), compact prefix ignoring spaces (75:
 * "g77" for "G-77"), every query word a prefix of a different word (60: "fed" for "Russian
 * Federation"), substring of three letters or more (30). An alias scores two points less than
 * the name would, so an exact short form ("US", "UK", "EU") still beats a name prefix
 * ("Ukraine" for "UK") while a name that is the query itself comes first.
 */
import { nameWords, normaliseName } from './normalise.ts';
import type { Matchable, RegistryKind } from './types.ts';

/** One ranked result: the entry, its score, and which of its names matched best. */
export interface Ranked<T> {
  entry: T;
  score: number;
  /** The name or alias (as written) that gave the score. */
  matched: string;
  via: 'name' | 'alias';
}

/** Options of a ranking: how many results, and which kinds to consider. */
export interface MatchOptions {
  limit?: number;
  kinds?: readonly RegistryKind[];
}

const ALIAS_PENALTY = 2;

/** Score one normalised candidate against a normalised query; 0 means no match. */
export function scoreKey(query: string, candidate: string): number {
  if (!query || !candidate) return 0;
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 80;
  const compactQuery = query.replace(/ /g, '');
  const compactCandidate = candidate.replace(/ /g, '');
  if (compactCandidate === compactQuery) return 95;
  if (compactCandidate.startsWith(compactQuery)) return 75;
  if (wordsPrefix(nameWords(query), nameWords(candidate))) return 60;
  if (query.length >= 3 && candidate.includes(query)) return 30;
  return 0;
}

/** Whether each query word is a prefix of a different candidate word (greedy, in any order). */
function wordsPrefix(queryWords: string[], candidateWords: string[]): boolean {
  const free = [...candidateWords];
  for (const q of queryWords) {
    const i = free.findIndex((w) => w.startsWith(q));
    if (i < 0) return false;
    free.splice(i, 1);
  }
  return true;
}

interface Indexed<T> {
  entry: T;
  nameKey: string;
  aliases: { text: string; key: string }[];
}

/** Build a ranking function over a fixed set of entries (names normalised once). */
export function createMatcher<T extends Matchable>(entries: readonly T[]) {
  const index: Indexed<T>[] = entries.map((entry) => ({
    entry,
    nameKey: normaliseName(entry.name),
    aliases: entry.aliases.map((text) => ({ text, key: normaliseName(text) })),
  }));
  return (query: string, opts: MatchOptions = {}): Ranked<T>[] => {
    const q = normaliseName(query);
    if (!q) return [];
    const kinds = opts.kinds?.length ? new Set(opts.kinds) : null;
    const ranked: Ranked<T>[] = [];
    for (const item of index) {
      if (kinds && !kinds.has(item.entry.kind)) continue;
      let best: Ranked<T> = {
        entry: item.entry,
        score: scoreKey(q, item.nameKey),
        matched: item.entry.name,
        via: 'name',
      };
      for (const alias of item.aliases) {
        const score = scoreKey(q, alias.key) - ALIAS_PENALTY;
        if (score > best.score) best = { entry: item.entry, score, matched: alias.text, via: 'alias' };
      }
      if (best.score > 0) ranked.push(best);
    }
    // equal scores: the shorter name is closer to what was typed, then alphabetical for stability
    ranked.sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.name.length - b.entry.name.length ||
        a.entry.name.localeCompare(b.entry.name, 'en'),
    );
    return opts.limit === undefined ? ranked : ranked.slice(0, Math.max(0, opts.limit));
  };
}

/** Rank `entries` for `query` (best first). Prefer createMatcher when ranking repeatedly. */
export function rankEntries<T extends Matchable>(
  query: string,
  entries: readonly T[],
  opts: MatchOptions = {},
): Ranked<T>[] {
  return createMatcher(entries)(query, opts);
}

/** The entry whose name or one of whose aliases is exactly `name` (in normal form), if any. */
export function findExact<T extends Matchable>(name: string, entries: readonly T[]): T | undefined {
  const key = normaliseName(name);
  if (!key) return undefined;
  return (
    entries.find((e) => normaliseName(e.name) === key) ??
    entries.find((e) => e.aliases.some((a) => normaliseName(a) === key))
  );
}
