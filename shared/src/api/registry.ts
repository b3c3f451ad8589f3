/** Requests and responses of the speaker registry (`/api/registry`) and `/api/sessions/:id/speakers`. */
import { z } from 'zod';
import { normaliseName } from '../registry/normalise.ts';
import { REGISTRY_KINDS } from '../registry/types.ts';
import { SPEAKER_KINDS } from '../schema/attributes.ts';
import { intParam, textParam } from './search.ts';
import { uuidInput } from './sessions.ts';

/** Longest name or affiliation in the registry. */
export const MAX_REGISTRY_NAME = 200;
/** Longest alias, and how many one entry may have. */
export const MAX_ALIAS_LENGTH = 100;
export const MAX_ALIASES = 20;
/** Largest page of registry results (the whole built-in directory fits in one). */
export const MAX_REGISTRY_LIMIT = 1000;
/** Largest `offset` of a registry listing. */
export const MAX_REGISTRY_OFFSET = 1_000_000;

/** A registry kind. */
export const RegistryKindSchema = z.enum(REGISTRY_KINDS, { error: `kind must be one of ${REGISTRY_KINDS.join(', ')}` });

/** A name-like field: one line, spaces collapsed, no control characters, something left to compare. */
function nameField(field: string, max: number) {
  return z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, `${field} must be at most ${max} characters`)
        .refine((s) => !/\p{Cc}/u.test(s), `${field} may not contain control characters`),
    );
}
const requiredName = (field: string, max: number) =>
  nameField(field, max).refine((s) => normaliseName(s) !== '', `${field} must contain letters or digits`);

const Aliases = z
  .array(requiredName('alias', MAX_ALIAS_LENGTH))
  .max(MAX_ALIASES, `at most ${MAX_ALIASES} aliases`)
  // the same short form twice adds nothing
  .transform((list) => [...new Map(list.map((a) => [normaliseName(a), a])).values()]);

/** Query of `GET /api/registry`: `kind` may list several kinds, comma-separated. */
export const RegistryQuery = z.object({
  q: textParam('q', MAX_REGISTRY_NAME),
  kind: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.split(',').map((k) => k.trim())) : v),
    z.array(RegistryKindSchema).max(REGISTRY_KINDS.length).optional(),
  ),
  limit: intParam('limit', 1, MAX_REGISTRY_LIMIT, 20),
  /** Without `q`: entries to skip, to page through the alphabetical listing. */
  offset: intParam('offset', 0, MAX_REGISTRY_OFFSET, 0),
});
export type RegistryQuery = z.infer<typeof RegistryQuery>;

/** A registry entry as the API returns it. */
export const RegistryEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: RegistryKindSchema,
  aliases: z.array(z.string()),
  affiliation: z.string(),
  source: z.enum(['seed', 'session']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

/**
 * Response of `GET /api/registry`: best match first (alphabetical without `q`). `total` is how
 * many entries the listing holds (without `q`; page with `offset`), or how many matched (with `q`).
 */
export const RegistryListResponse = z.object({
  entries: z.array(RegistryEntry.extend({ matched: z.string().optional(), score: z.number().optional() })),
  total: z.number().int(),
});
export type RegistryListResponse = z.infer<typeof RegistryListResponse>;

/** Kinds a session may add (States, UN bodies and groups come with the built-in directory). */
export const ADDABLE_KINDS = ['civil-society', 'person', 'intergovernmental', 'other'] as const;

/** Body of `POST /api/registry`: add an organisation or a named person, on behalf of a session. */
export const CreateRegistryEntryRequest = z.object({
  sessionId: uuidInput('sessionId must be a UUID'),
  name: requiredName('name', MAX_REGISTRY_NAME),
  kind: z.enum(ADDABLE_KINDS, { error: `kind must be one of ${ADDABLE_KINDS.join(', ')}` }),
  aliases: Aliases.default([]),
  affiliation: nameField('affiliation', MAX_REGISTRY_NAME).default(''),
});
export type CreateRegistryEntryRequest = z.infer<typeof CreateRegistryEntryRequest>;

/** Body of `PATCH /api/registry/:id`: any of the fields; `sessionId` names the editor's session. */
export const PatchRegistryEntryRequest = z
  .object({
    sessionId: uuidInput('sessionId must be a UUID').optional(),
    name: requiredName('name', MAX_REGISTRY_NAME).optional(),
    kind: RegistryKindSchema.optional(),
    aliases: Aliases.optional(),
    affiliation: nameField('affiliation', MAX_REGISTRY_NAME).optional(),
  })
  .refine(
    (p) => p.name !== undefined || p.kind !== undefined || p.aliases !== undefined || p.affiliation !== undefined,
    {
      message: 'nothing to change: give name, kind, aliases or affiliation',
    },
  );
export type PatchRegistryEntryRequest = z.infer<typeof PatchRegistryEntryRequest>;

/** Path parameter of `PATCH /api/registry/:id`. */
export const RegistryIdParam = z.object({ id: uuidInput('registry id must be a UUID') });

/** Someone who already spoke in the session, as the blocks name them. */
export const SessionSpeaker = z.object({
  speaker: z.string(),
  affiliation: z.string(),
  onBehalfOf: z.string(),
  kind: z.enum(SPEAKER_KINDS),
  /** How many blocks they have in this session. */
  blocks: z.number().int(),
  /** The registry entry the speaker name is known as, or null (flagged for the editor). */
  registryId: z.string().nullable(),
});
export type SessionSpeaker = z.infer<typeof SessionSpeaker>;

/** A name used in the session's blocks that the registry does not know. */
export const UnknownName = z.object({
  name: z.string(),
  field: z.enum(['speaker', 'affiliation', 'onBehalfOf']),
  blockIds: z.array(z.string()),
});
export type UnknownName = z.infer<typeof UnknownName>;

/** A suggestion for a speaker field: someone from this session first, then the registry. */
export const SpeakerSuggestion = z.object({
  name: z.string(),
  affiliation: z.string(),
  kind: RegistryKindSchema,
  /** The speaker-block kind to set when this suggestion is chosen. */
  speakerKind: z.enum(SPEAKER_KINDS),
  source: z.enum(['session', 'registry']),
  registryId: z.string().nullable(),
  matched: z.string(),
});
export type SpeakerSuggestion = z.infer<typeof SpeakerSuggestion>;

/** Query of `GET /api/sessions/:id/speakers`. */
export const SessionSpeakersQuery = z.object({
  q: textParam('q', MAX_REGISTRY_NAME),
  limit: intParam('limit', 1, 100, 10),
});
export type SessionSpeakersQuery = z.infer<typeof SessionSpeakersQuery>;

/** Response of `GET /api/sessions/:id/speakers`. */
export const SessionSpeakersResponse = z.object({
  sessionId: z.uuid(),
  spoken: z.array(SessionSpeaker),
  unknown: z.array(UnknownName),
  /** Only when `q` is given. */
  suggestions: z.array(SpeakerSuggestion),
});
export type SessionSpeakersResponse = z.infer<typeof SessionSpeakersResponse>;
