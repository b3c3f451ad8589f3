import { z } from 'zod';
import { COMPARED_BLOCK_ATTRIBUTES } from '../diff/records.ts';
import { reviewFields, speakerBlockFields } from './blockFields.ts';
import { uuidInput } from './sessions.ts';

/** Longest version name accepted. */
export const MAX_VERSION_NAME_LENGTH = 120;

/** `named`: saved by an editor; `auto`: taken by the server when the session went quiet. */
export const VersionKind = z.enum(['named', 'auto']);
export type VersionKind = z.infer<typeof VersionKind>;

/** Body of `POST /api/sessions/:id/versions` (editors). */
export const CreateVersionRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(MAX_VERSION_NAME_LENGTH, `name must be at most ${MAX_VERSION_NAME_LENGTH} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
    .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'name may not contain control characters'),
});
export type CreateVersionRequest = z.infer<typeof CreateVersionRequest>;

/** A stored version as listed (no content). */
export const VersionMeta = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  name: z.string(),
  author: z.string(),
  kind: VersionKind,
  /** When it was taken (ISO). */
  createdAt: z.string(),
  blockCount: z.number().int(),
  wordCount: z.number().int(),
});
export type VersionMeta = z.infer<typeof VersionMeta>;

/** Path parameters of a version route. */
export const VersionParams = z.object({
  id: uuidInput('session id must be a UUID'),
  vid: uuidInput('version id must be a UUID'),
});

/** Response of `GET /api/sessions/:id/versions`: newest first. */
export const VersionListResponse = z.object({ versions: z.array(VersionMeta) });
export type VersionListResponse = z.infer<typeof VersionListResponse>;

const BodyPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
]);

const blockHeaderFields = { ...speakerBlockFields, ...reviewFields };

/** Where an action item or decision stands (see ActionRecord in shared/src/blocks). */
const placedFields = {
  id: z.string(),
  position: z.number().int(),
  agendaItemId: z.string().nullable(),
  blockId: z.string().nullable(),
  text: z.string(),
};

/** A version's record as extracted (agenda items, speaker blocks, loose text), for read-only display. */
export const VersionContent = z.object({
  agendaItems: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string() })),
  blocks: z.array(z.object({ id: z.string(), ...blockHeaderFields, body: z.array(BodyPartSchema), text: z.string() })),
  loose: z.array(z.object({ agendaItemId: z.string().nullable(), part: BodyPartSchema })),
  actions: z.array(z.object({ ...placedFields, owner: z.string(), due: z.string() })),
  decisions: z.array(z.object(placedFields)),
});
export type VersionContent = z.infer<typeof VersionContent>;

/** Response of `GET /api/sessions/:id/versions/:vid`. */
export const VersionResponse = z.object({ version: VersionMeta, record: VersionContent });
export type VersionResponse = z.infer<typeof VersionResponse>;

/** Query of the diff route: another version's id, or `current` (the live text; the default). */
export const VersionDiffQuery = z.object({
  against: z
    .union([z.literal('current'), uuidInput()], { error: 'against must be a version id or "current"' })
    .default('current'),
});
export type VersionDiffQuery = z.infer<typeof VersionDiffQuery>;

const Segment = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
const Change = z.enum(['added', 'removed', 'changed', 'unchanged']);
const Counts = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  moved: z.number().int(),
});
const BlockHeader = z.object(blockHeaderFields);
const AgendaSide = z.object({ position: z.number().int(), title: z.string() });

/** A block-level diff of two records (the shape of `diffRecords` in @rapporteur/shared/diff). */
export const VersionDiff = z.object({
  agendaItems: z.array(
    z.object({
      id: z.string(),
      change: Change,
      moved: z.boolean(),
      before: AgendaSide.nullable(),
      after: AgendaSide.nullable(),
      title: z.array(Segment),
    }),
  ),
  blocks: z.array(
    z.object({
      id: z.string(),
      change: Change,
      moved: z.boolean(),
      before: BlockHeader.nullable(),
      after: BlockHeader.nullable(),
      attributes: z.array(z.object({ name: z.enum(COMPARED_BLOCK_ATTRIBUTES), before: z.string(), after: z.string() })),
      text: z.array(Segment),
    }),
  ),
  loose: z.object({ change: z.enum(['changed', 'unchanged']), text: z.array(Segment) }),
  counts: z.object({ agendaItems: Counts, blocks: Counts }),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

/**
 * Response of `GET /api/sessions/:id/versions/:vid/diff?against=`: what changed going from
 * version `from` to `to` (`to` is null when compared with the current text).
 */
export const VersionDiffResponse = z.object({ from: VersionMeta, to: VersionMeta.nullable(), diff: VersionDiff });
export type VersionDiffResponse = z.infer<typeof VersionDiffResponse>;

/**
 * Response of `POST /api/sessions/:id/versions/:vid/restore` (editors): the version restored as
 * a new change; `backup` is the automatic version of the text as it stood just before (null when
 * an identical version existed); `stored` is false if the change is held in memory, not yet stored.
 */
export const RestoreVersionResponse = z.object({
  restored: VersionMeta,
  backup: VersionMeta.nullable(),
  stored: z.boolean(),
});
export type RestoreVersionResponse = z.infer<typeof RestoreVersionResponse>;
