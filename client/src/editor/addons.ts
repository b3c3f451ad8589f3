/**
 * The seam between the editor and the features built on it (the cockpit): what a feature layer
 * hands the editor. The editor defines it and never imports its implementer, so the dependency
 * runs one way; the session composes the two (session/LiveRecord.tsx).
 */
import type { SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { AnyExtension, Editor } from '@tiptap/core';
import type { ComponentType, ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BlockViewEnv } from './blockViews.ts';

/** The plain header of one speaker block away from the selection: DOM, no React (issue 17). */
export interface PlainHeader {
  /** The header's element, which the block's node view puts in its header slot. */
  readonly dom: HTMLElement;
  /** The block's attributes or the env changed. */
  update(attrs: SpeakerBlockAttrs, env: BlockViewEnv): void;
  /** The header leaves the screen: stop listening to anything. */
  destroy(): void;
}

/** How speaker block headers are shown (see speakerBlockNodeView.ts). */
export interface SpeakerHeaders {
  /** Build the plain header of a block. */
  plain(editor: Editor, attrs: SpeakerBlockAttrs, env: BlockViewEnv): PlainHeader;
  /**
   * Renders the headers of the blocks being edited (and anything else React shows inside blocks)
   * into their node views' slots (see blockViews.ts); rendered once, beside the editor's content.
   */
  Active: ComponentType<{ editor: Editor }>;
}

/** What the editor takes from the feature layer above it. */
export interface EditorAddons {
  /** The headers of speaker blocks: plain DOM, and React for the block being edited. */
  speakerHeaders: SpeakerHeaders;
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
