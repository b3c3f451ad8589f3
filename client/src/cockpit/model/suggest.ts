/**
 * Suggestions for a header field: names already used in this session first when they match as
 * well, then the directory. Each field looks at the kinds that make sense for it: a group never
 * takes the floor itself, "on behalf of" prefers the usual groups, an action's owner can be anyone.
 * Pure and synchronous, so it runs on every keystroke without a round trip.
 */
import { createMatcher, normaliseName, type RegistryKind, speakerKindOf } from '@rapporteur/shared/registry';
import type { SpeakerKind } from '@rapporteur/shared/schema';
import type { DirectoryEntry } from './directory.ts';

/** The fields that autocomplete. */
export type SuggestField = 'speaker' | 'affiliation' | 'onBehalfOf' | 'owner';

/** A name already used in this session's record. */
export interface SessionName {
  name: string;
  /** Where it was used. */
  field: SuggestField;
  /** The kind its block gave it (for speakers). */
  kind: SpeakerKind;
  /** The affiliation written beside it (for speakers). */
  affiliation: string;
}

/** One suggestion as the list shows it and a choice applies it. */
export interface Suggestion {
  name: string;
  kind: RegistryKind;
  /** The speaker-block kind choosing this sets. */
  speakerKind: SpeakerKind;
  affiliation: string;
  source: 'session' | 'registry';
  registryId: string | null;
  /** The name or short form that matched ("Russia" for the Russian Federation). */
  matched: string;
  via: 'name' | 'alias';
  score: number;
}

const FIELD_KINDS: Record<SuggestField, readonly RegistryKind[] | null> = {
  speaker: [
    'chair',
    'member-state',
    'observer-state',
    'un-entity',
    'intergovernmental',
    'civil-society',
    'person',
    'other',
  ],
  affiliation: ['member-state', 'observer-state', 'un-entity', 'intergovernmental', 'civil-society', 'other'],
  onBehalfOf: ['group', 'intergovernmental', 'member-state', 'observer-state'],
  owner: null,
};

/** Which session names feed which field. */
const SESSION_SOURCES: Record<SuggestField, readonly SuggestField[]> = {
  speaker: ['speaker'],
  affiliation: ['affiliation'],
  onBehalfOf: ['onBehalfOf'],
  owner: ['owner', 'speaker', 'affiliation'],
};

/** A session name that matches as well as a directory entry is shown first. */
const SESSION_BONUS = 10;
/** "On behalf of" is nearly always a group. */
const GROUP_BONUS = 10;
/** Scores from this up are a prefix match or better: worth preselecting. */
export const STRONG_MATCH = 60;

/** The registry kind a speaker-block kind stands for (panellists are people). */
function registryKindOf(kind: SpeakerKind): RegistryKind {
  return kind === 'panellist' ? 'person' : kind;
}

/** Everything `suggest` ranks against. */
export interface SuggestSources {
  directory: readonly DirectoryEntry[];
  /** A matcher built once over `directory` (createMatcher). */
  rankDirectory: ReturnType<typeof createMatcher<DirectoryEntry>>;
  /** Names used in the session, most recent first. */
  session: readonly SessionName[];
  /** The directory entry a name is (exactly) known as, if any. */
  known(name: string): DirectoryEntry | undefined;
}

/** Suggestions for `field` given what has been typed, best first. */
export function suggest(field: SuggestField, query: string, src: SuggestSources, limit = 8): Suggestion[] {
  const kinds = FIELD_KINDS[field];
  const fromSession = distinctSessionNames(field, src.session).map((s) => {
    const entry = src.known(s.name);
    return {
      name: s.name,
      aliases: entry?.aliases ?? [],
      kind: entry?.kind ?? registryKindOf(s.kind),
      session: s,
      entry,
    };
  });
  const out = new Map<string, Suggestion>();
  const add = (s: Suggestion) => {
    const key = normaliseName(s.name);
    const had = out.get(key);
    if (!had || had.score < s.score) out.set(key, s);
  };
  const bonus = (kind: RegistryKind) => (field === 'onBehalfOf' && kind === 'group' ? GROUP_BONUS : 0);

  if (!normaliseName(query)) {
    // nothing typed (the list opened with ↓): recent names of the session, then for "on behalf
    // of" the usual groups in their customary order
    fromSession.forEach((s, i) => {
      add(fromSessionName(s, 1000 - i, s.name, 'name'));
    });
    if (field === 'onBehalfOf') {
      src.directory
        .filter((e) => e.kind === 'group')
        .forEach((e, i) => {
          add(fromEntry(e, 500 - i, e.name, 'name'));
        });
    }
    return [...out.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  for (const r of createMatcher(fromSession)(query)) {
    if (kinds && !kinds.includes(r.entry.kind)) continue;
    add(fromSessionName(r.entry, r.score + SESSION_BONUS + bonus(r.entry.kind), r.matched, r.via));
  }
  for (const r of src.rankDirectory(query, kinds ? { kinds } : {})) {
    add(fromEntry(r.entry, r.score + bonus(r.entry.kind), r.matched, r.via));
  }
  // a name of this session that is exactly what was typed, and that the registry does not know,
  // is the field's own text coming back (a half-typed owner stored a moment ago): offering it
  // adds nothing and reads as if the field were guessing from itself (issue 13, item 11)
  const typed = normaliseName(query);
  return [...out.values()]
    .filter((s) => !(s.source === 'session' && s.registryId === null && normaliseName(s.name) === typed))
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.source === 'session') - Number(a.source === 'session') ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name, 'en'),
    )
    .slice(0, limit);
}

function fromEntry(e: DirectoryEntry, score: number, matched: string, via: 'name' | 'alias'): Suggestion {
  return {
    name: e.name,
    kind: e.kind,
    speakerKind: speakerKindOf(e.kind),
    affiliation: e.affiliation,
    source: 'registry',
    registryId: e.id,
    matched,
    via,
    score,
  };
}

function fromSessionName(
  s: { name: string; kind: RegistryKind; session: SessionName; entry: DirectoryEntry | undefined },
  score: number,
  matched: string,
  via: 'name' | 'alias',
): Suggestion {
  return {
    name: s.name,
    kind: s.kind,
    // what the note-takers set on their blocks wins over the directory's default
    speakerKind: s.session.field === 'speaker' ? s.session.kind : speakerKindOf(s.kind),
    affiliation: s.session.affiliation || (s.entry?.affiliation ?? ''),
    source: 'session',
    registryId: s.entry?.id ?? null,
    matched,
    via,
    score,
  };
}

/** The session's names usable for `field`, first occurrence (the most recent) of each. */
function distinctSessionNames(field: SuggestField, session: readonly SessionName[]): SessionName[] {
  const sources = SESSION_SOURCES[field];
  const seen = new Set<string>();
  const out: SessionName[] = [];
  for (const s of session) {
    if (!sources.includes(s.field)) continue;
    const key = normaliseName(s.name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
