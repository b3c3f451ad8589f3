import { z } from 'zod';
import { DATE_RANGE_MESSAGE, dateInRange } from '../api/sessions.ts';
import { MAX_IMPORT_CHARS, MAX_TITLE_LENGTH } from '../protocol/limits.ts';

// named once in protocol/limits.ts; re-exported here, where the import page has always read it
export { MAX_IMPORT_CHARS };

/** Longest speaker, affiliation, group, qualifier or heading in a corrected record. */
export const MAX_IMPORT_NAME_LENGTH = 500;

const name = z.string().max(MAX_IMPORT_NAME_LENGTH, `at most ${MAX_IMPORT_NAME_LENGTH} characters`);
const optionalName = name.nullable().transform((s) => (s === null || s.trim() === '' ? null : s.trim()));

/** One block of a corrected record: who spoke (as fixed in the preview) and the paragraphs. */
const CorrectedBlock = z.object({
  speaker: name.transform((s) => s.trim()),
  affiliation: optionalName,
  onBehalfOf: optionalName,
  qualifiers: z.array(name).max(20).default([]),
  paragraphs: z.array(z.string()).max(100_000),
});

/**
 * A record as the import preview shows it and the user corrected it (speaker, affiliation, on
 * behalf of, section). What the reader added (confidence, reason, kind) is not taken from the
 * client: the server works the kind out again from the corrected names.
 */
export const CorrectedRecord = z
  .object({
    title: z.string().max(MAX_IMPORT_CHARS),
    sections: z.array(z.object({ heading: name.nullable(), blocks: z.array(CorrectedBlock).max(100_000) })).max(10_000),
  })
  .refine(
    (r) =>
      r.sections.reduce(
        (n, s) => n + s.blocks.reduce((k, b) => k + b.paragraphs.reduce((m, p) => m + p.length, 0), 0),
        0,
      ) <= MAX_IMPORT_CHARS,
    `record must hold at most ${MAX_IMPORT_CHARS} characters of text`,
  )
  .refine((r) => r.sections.some((s) => s.heading !== null || s.blocks.length > 0), 'record holds nothing');
export type CorrectedRecord = z.infer<typeof CorrectedRecord>;

/**
 * Body of `POST /api/sessions/import` (JSON form; a text/plain body is the `text` alone): the
 * text to read, or the record the preview read from it and the user corrected.
 */
export const ImportRequest = z
  .object({
    text: z
      .string()
      .max(MAX_IMPORT_CHARS, `text must be at most ${MAX_IMPORT_CHARS} characters`)
      .refine((t) => t.trim() !== '', 'text is required')
      .optional(),
    record: CorrectedRecord.optional(),
    /** Overrides the title read from the text. */
    title: z
      .string()
      .trim()
      .min(1, 'title may not be empty')
      .max(MAX_TITLE_LENGTH, `title must be at most ${MAX_TITLE_LENGTH} characters`)
      .optional(),
    /** When the meeting took place (ISO 8601); otherwise a date in the title, otherwise now. */
    startsAt: z.iso
      .datetime({ offset: true, error: 'startsAt must be an ISO date-time with a time zone' })
      .refine(dateInRange, `startsAt ${DATE_RANGE_MESSAGE}`)
      .optional(),
  })
  .refine((r) => (r.text === undefined) !== (r.record === undefined), {
    message: 'text or record is required (one of them)',
    path: ['text'],
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

/** Export formats of `GET /api/sessions/:id/export?format=`. */
export const EXPORT_FORMATS = ['md', 'html', 'txt', 'docx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Query of the export route. */
export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  /** `inline` shows the file in the browser (HTML print view) instead of downloading it. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
