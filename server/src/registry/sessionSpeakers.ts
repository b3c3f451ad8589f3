/**
 * `GET /api/sessions/:id/speakers`: who already spoke in a session (from the speaker_blocks
 * projection), which of the names used there the registry does not know (flagged for the
 * editor, as W3C's minute tools warn on unknown speakers), and autocomplete suggestions that put
 * this session's speakers before the rest of the registry (whoever spoke is likely to speak
 * again: a right of reply, a follow-up question).
 */
import type {
  RegistryEntry,
  SessionSpeaker,
  SessionSpeakersResponse,
  SpeakerSuggestion,
  UnknownName,
} from '@rapporteur/shared/api';
import { baseSpeaker } from '@rapporteur/shared/record';
import { createMatcher, normaliseName, type RegistryKind, speakerKindOf } from '@rapporteur/shared/registry';
import { oneOf, SPEAKER_KINDS, type SpeakerKind } from '@rapporteur/shared/schema/attributes';
import type { Queryable } from '../db/database.ts';

interface BlockRow {
  block_id: string;
  speaker: string;
  affiliation: string;
  on_behalf_of: string;
  kind: string;
}

/** The registry kind closest to a block's kind, for a speaker the registry does not know. */
const REGISTRY_KIND_OF: Record<SpeakerKind, RegistryKind> = {
  chair: 'chair',
  'member-state': 'member-state',
  'un-entity': 'un-entity',
  intergovernmental: 'intergovernmental',
  'civil-society': 'civil-society',
  panellist: 'person',
  other: 'other',
};

/** Look names up by the normal form of any of an entry's names. */
function lookup(entries: readonly RegistryEntry[]): (name: string) => RegistryEntry | undefined {
  const byName = new Map<string, RegistryEntry>();
  // aliases first so that a name always wins over another entry's alias of the same form
  for (const e of entries)
    for (const a of e.aliases) if (!byName.has(normaliseName(a))) byName.set(normaliseName(a), e);
  for (const e of entries) byName.set(normaliseName(e.name), e);
  return (name) => byName.get(normaliseName(name));
}

/** Build the response from the session's projected blocks and the registry. */
export async function sessionSpeakers(
  db: Queryable,
  sessionId: string,
  registry: readonly RegistryEntry[],
  query: { q?: string; limit: number },
): Promise<SessionSpeakersResponse> {
  const rows = await db.query<BlockRow>(
    `SELECT block_id, speaker, affiliation, on_behalf_of, kind FROM speaker_blocks
     WHERE session_id = $1 ORDER BY position`,
    [sessionId],
  );
  const find = lookup(registry);
  const spoken = new Map<string, SessionSpeaker>();
  const unknown = new Map<string, UnknownName>();
  const flag = (name: string, field: UnknownName['field'], blockId: string) => {
    if (!normaliseName(name) || find(name)) return;
    const key = `${field}|${normaliseName(name)}`;
    const entry = unknown.get(key) ?? { name, field, blockIds: [] };
    entry.blockIds.push(blockId);
    unknown.set(key, entry);
  };

  for (const row of rows) {
    // "Brazil (right of reply)" is Brazil speaking again
    const name = baseSpeaker(row.speaker.trim());
    if (!name) continue;
    const key = `${normaliseName(name)}|${normaliseName(row.affiliation)}`;
    const known = spoken.get(key);
    if (known) known.blocks++;
    else
      spoken.set(key, {
        speaker: name,
        affiliation: row.affiliation,
        onBehalfOf: row.on_behalf_of,
        kind: oneOf(SPEAKER_KINDS, row.kind, 'other'),
        blocks: 1,
        registryId: find(name)?.id ?? null,
      });
    flag(name, 'speaker', row.block_id);
    flag(row.affiliation, 'affiliation', row.block_id);
    flag(row.on_behalf_of, 'onBehalfOf', row.block_id);
  }

  return {
    sessionId,
    spoken: [...spoken.values()],
    unknown: [...unknown.values()],
    suggestions: query.q ? suggest(query.q, [...spoken.values()], registry, find, query.limit) : [],
  };
}

/** This session's speakers matching `q` first, then registry entries; each name once. */
function suggest(
  q: string,
  spoken: SessionSpeaker[],
  registry: readonly RegistryEntry[],
  find: (name: string) => RegistryEntry | undefined,
  limit: number,
): SpeakerSuggestion[] {
  const out: SpeakerSuggestion[] = [];
  const seen = new Set<string>();
  const seenIds = new Set<string>();
  const fromSession = createMatcher(
    spoken.map((s) => {
      const entry = find(s.speaker);
      return {
        name: s.speaker,
        // typing a registry name or short form finds the session's speaker under it too
        aliases: entry ? [entry.name, ...entry.aliases] : [],
        kind: entry?.kind ?? REGISTRY_KIND_OF[s.kind],
        affiliation: s.affiliation,
        speakerKind: s.kind,
        registryId: s.registryId,
      };
    }),
  )(q);
  for (const r of fromSession) {
    const s = r.entry;
    seen.add(`${normaliseName(s.name)}|${normaliseName(s.affiliation)}`);
    if (s.registryId) seenIds.add(s.registryId);
    out.push({
      name: s.name,
      affiliation: s.affiliation,
      kind: s.kind,
      speakerKind: s.speakerKind,
      source: 'session',
      registryId: s.registryId,
      matched: r.matched,
    });
  }
  for (const r of createMatcher(registry)(q)) {
    if (out.length >= limit) break;
    const e = r.entry;
    const key = `${normaliseName(e.name)}|${normaliseName(e.affiliation)}`;
    if (seen.has(key) || seenIds.has(e.id)) continue;
    seen.add(key);
    out.push({
      name: e.name,
      affiliation: e.affiliation,
      kind: e.kind,
      speakerKind: speakerKindOf(e.kind),
      source: 'registry',
      registryId: e.id,
      matched: r.matched,
    });
  }
  return out.slice(0, limit);
}
