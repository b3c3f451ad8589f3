/**
 * Which speaker block shows its header as form controls (issue 17). A long record had a dozen
 * inputs and selects in every block's header, thousands inside the editable, and the browser paid
 * for each of them on every keystroke. Now a header is plain text except in the block being
 * edited: the block holding the selection, or a block whose header was opened (clicked, or asked
 * for by a command such as "next speaker", which puts the cursor in the new block's speaker field
 * while the selection stays where it was).
 *
 * One `ActiveHeaders` per editor (in the extension's storage); node views subscribe to it and
 * swap their plain header out when their block turns active (React renders the form into it).
 */
import { type Editor, Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';

/** A header field to put the cursor in: a `data-field` name, or `last` (the last one, `data-header-last`). */
export type HeaderFieldName = string;

/** The CSS selector of a header field's control. */
export function headerFieldSelector(field: HeaderFieldName): string {
  return field === 'last' ? '[data-header-last]' : `[data-field="${field}"]`;
}

export class ActiveHeaders {
  private selectionBlock: string | null = null;
  private opened: string | null = null;
  private focusRequest: { blockId: string; field: HeaderFieldName } | null = null;
  private readonly listeners = new Set<() => void>();

  /** Whether block `id` shows its header as form controls. */
  isActive(id: string): boolean {
    return id === this.selectionBlock || id === this.opened;
  }

  /** The blocks whose header shows form controls (at most two: the selection's and an opened one). */
  activeIds(): string[] {
    const ids: string[] = [];
    if (this.selectionBlock !== null) ids.push(this.selectionBlock);
    if (this.opened !== null && this.opened !== this.selectionBlock) ids.push(this.opened);
    return ids;
  }

  /** The block holding the selection changed (null: the selection is outside speaker blocks). */
  setSelectionBlock(id: string | null): void {
    if (id === this.selectionBlock) return;
    this.selectionBlock = id;
    this.notify();
  }

  /** Open block `id`'s header; with `field`, its control takes the cursor once it is on screen. */
  open(id: string, field?: HeaderFieldName): void {
    if (field) this.focusRequest = { blockId: id, field };
    if (id === this.opened) return;
    this.opened = id;
    this.notify();
  }

  /** The header of block `id` lost the focus: it goes back to plain text unless it holds the selection. */
  close(id: string): void {
    if (this.opened !== id) return;
    this.opened = null;
    if (this.focusRequest?.blockId === id) this.focusRequest = null;
    this.notify();
  }

  /** The field block `id`'s header was asked to focus, once (null if none). */
  takeFocusRequest(id: string): HeaderFieldName | null {
    if (this.focusRequest?.blockId !== id) return null;
    const { field } = this.focusRequest;
    this.focusRequest = null;
    return field;
  }

  /** Call `fn` after each change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of [...this.listeners]) fn();
  }
}

declare module '@tiptap/core' {
  interface Storage {
    activeHeader: { headers: ActiveHeaders };
  }
}

const fallback = new WeakMap<Editor, ActiveHeaders>();

/** The active headers of an editor (a private instance when the extension is not installed). */
export function activeHeadersOf(editor: Editor): ActiveHeaders {
  const stored = (editor.storage as Partial<{ activeHeader: { headers: ActiveHeaders } }>).activeHeader?.headers;
  if (stored) return stored;
  const own = fallback.get(editor) ?? new ActiveHeaders();
  fallback.set(editor, own);
  return own;
}

/**
 * Open block `id`'s header and put the cursor in `field`: now if the control is on screen,
 * otherwise as soon as the header renders it (see SpeakerHeaderForm).
 */
export function focusHeaderField(editor: Editor, id: string, field: HeaderFieldName): void {
  const headers = activeHeadersOf(editor);
  const dom = editor.view.dom.querySelector(`[data-id="${CSS.escape(id)}"]`);
  const control = dom?.querySelector<HTMLElement>(`.sb-header ${headerFieldSelector(field)}`);
  headers.open(id, control ? undefined : field);
  control?.focus();
}

const key = new PluginKey('activeHeader');

/** The extension: tells the active headers which speaker block holds the selection. */
export const ActiveHeader = Extension.create<Record<string, never>, { headers: ActiveHeaders }>({
  name: 'activeHeader',
  addStorage() {
    return { headers: new ActiveHeaders() };
  },
  addProseMirrorPlugins() {
    const { headers } = this.storage;
    const report = (state: EditorState) => {
      const { $head } = state.selection;
      const top = $head.depth >= 1 ? $head.node(1) : null;
      headers.setSelectionBlock(top?.type.name === 'speakerBlock' ? String(top.attrs.id) : null);
    };
    return [
      new Plugin({
        key,
        view: (view) => {
          report(view.state);
          return { update: (v) => report(v.state) };
        },
      }),
    ];
  },
});
