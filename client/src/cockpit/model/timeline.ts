/**
 * When each speaker block ends: the start of the next speaker block in the record. One pass over
 * the top level per document change, shared by every block header (rather than each header
 * walking the whole record on every keystroke).
 */
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Store } from '../stores/store.ts';

/** Next block's start by block id ('' for the last block or an unknown time). */
export function nextStarts(doc: PMNode): Map<string, string> {
  const out = new Map<string, string>();
  let previous: string | null = null;
  doc.forEach((node) => {
    if (node.type.name !== 'speakerBlock') return;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
    const start = typeof node.attrs.startedAt === 'string' ? node.attrs.startedAt : '';
    if (previous !== null) out.set(previous, start);
    previous = id;
  });
  if (previous !== null) out.set(previous, '');
  return out;
}

function sameStarts(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, start] of a) if (b.get(id) !== start) return false;
  return true;
}

/**
 * The timeline of one editor, kept current until `destroy()`. It changes only when a block's start
 * or the blocks' order does: typing leaves it alone, so the headers of a long record are not all
 * asked to refresh on every keystroke (issue 17).
 */
export class TimelineStore extends Store<Map<string, string>> {
  private readonly onUpdate = () => {
    const next = nextStarts(this.editor.state.doc);
    if (!sameStarts(next, this.get())) this.set(next);
  };

  constructor(private readonly editor: Editor) {
    super(nextStarts(editor.state.doc));
    editor.on('update', this.onUpdate);
  }

  /** The start of the block after `blockId` ('' when none). */
  nextStartOf(blockId: string): string {
    return this.get().get(blockId) ?? '';
  }

  /** Stop following the editor. */
  destroy(): void {
    this.editor.off('update', this.onUpdate);
  }
}

const timelines = new WeakMap<Editor, TimelineStore>();

/** The timeline of `editor`, created on first use (shared by the panels and every block header). */
export function timelineOf(editor: Editor): TimelineStore {
  let t = timelines.get(editor);
  if (!t) {
    t = new TimelineStore(editor);
    timelines.set(editor, t);
  }
  return t;
}
