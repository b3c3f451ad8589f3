/**
 * The seam between the editor and the features built on it (the cockpit): what a feature layer
 * hands the editor. The editor defines it and never imports its implementer, so the dependency
 * runs one way; the session composes the two (session/LiveRecord.tsx).
 */
import type { AnyExtension, Editor } from '@tiptap/core';
import type { ReactNodeViewProps } from '@tiptap/react';
import type { ComponentType, ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** What the editor takes from the feature layer above it. */
export interface EditorAddons {
  /** The React node view of speaker blocks (their header and body). */
  speakerBlockView: ComponentType<ReactNodeViewProps>;
  /** Wraps the record schema's extensions (e.g. to give marker nodes their node views). */
  decorateSchema(extensions: AnyExtension[]): AnyExtension[];
  /** Extensions added after the editor's own (their keys take priority by their own setting). */
  extensions(): AnyExtension[];
  /** Called when a change to a final block is refused, to tell the note-taker why. */
  onFinalBlockRefused(): void;
  /** Wraps the editor's content (panels around it); a render function, so nothing remounts. */
  frame(editor: Editor, content: ReactNode): ReactNode;
}

/** Props of the note shown beside a person in the presence list (e.g. which block they minute). */
export interface PresenceNoteProps {
  awareness: Awareness;
  clientId: number;
}
