import { z } from 'zod';
import { DATE_RANGE_MESSAGE, dateInRange } from '../api/sessions.ts';
import { MAX_TITLE_LENGTH } from '../protocol/limits.ts';

/** Longest text the importer accepts (a three-hour meeting's record is about 100 000 characters). */
export const MAX_IMPORT_CHARS = 1_000_000;

/** Body of `POST /api/sessions/import` (JSON form; a text/plain body is the `text` alone). */
export const ImportRequest = z.object({
  text: z
    .string()
    .max(MAX_IMPORT_CHARS, `text must be at most ${MAX_IMPORT_CHARS} characters`)
    .refine((t) => t.trim() !== '', 'text is required'),
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
