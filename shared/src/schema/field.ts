/**
 * The Y.Doc field (XmlFragment name) that holds the record; client and server agree on it.
 * Kept apart from the extension list so code that only reads documents (block extraction, the
 * observer page) does not load the editor's extensions.
 */
export const RECORD_FIELD = 'record';
