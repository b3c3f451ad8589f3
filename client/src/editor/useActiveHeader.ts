import type { Editor } from '@tiptap/core';
import { useCallback, useSyncExternalStore } from 'react';
import { activeHeadersOf } from './activeHeader.ts';

/** Whether block `id`'s header shows form controls (see activeHeader.ts); re-renders when that changes. */
export function useActiveHeader(editor: Editor, id: string): boolean {
  const headers = activeHeadersOf(editor);
  const subscribe = useCallback((fn: () => void) => headers.subscribe(fn), [headers]);
  return useSyncExternalStore(subscribe, () => headers.isActive(id));
}
