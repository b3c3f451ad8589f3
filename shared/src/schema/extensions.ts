import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { ActionItem } from './actionItem.ts';
import { AgendaItem } from './agendaItem.ts';
import { Decision } from './decision.ts';
import { SpeakerBlock } from './speakerBlock.ts';

export { RECORD_FIELD } from './field.ts';

/**
 * StarterKit trimmed to what a record needs. Undo/redo is off because Collaboration brings its
 * own Yjs-aware undo; headings are replaced by agendaItem; links are left out until their URLs
 * are sanitised (a `javascript:` href in published minutes would be an XSS vector).
 */
export const starterKit = StarterKit.configure({
  undoRedo: false,
  heading: false,
  codeBlock: false,
  blockquote: false,
  horizontalRule: false,
  link: false,
  // Every client would append its own trailing paragraph to a record ending in a block, and
  // concurrent clients would each add one; Ctrl+Enter and the gap cursor cover the need.
  trailingNode: false,
});

/**
 * The one extension list both sides build their schema from. The client extends SpeakerBlock
 * with a React node view (see client/src/editor); the server uses this list as it is.
 */
export function recordExtensions(overrides: { speakerBlock?: AnyExtension } = {}): AnyExtension[] {
  return [starterKit, AgendaItem, overrides.speakerBlock ?? SpeakerBlock, ActionItem, Decision];
}

/** The ProseMirror schema of a record, built without a DOM (server, tests, import). */
export const recordSchema = getSchema(recordExtensions());
