import { createContext, useContext } from 'react';

/**
 * Whether the record is read-only (observer, final minutes). Node views render in portals under
 * EditorContent, so a context above it reaches their header fields, which ProseMirror's own
 * `editable` flag does not cover.
 */
export const ReadOnlyContext = createContext(false);

/** True when header fields must not accept input. */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
