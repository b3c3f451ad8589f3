/**
 * The speaker block node views of one editor, by block id, and what every block's header depends
 * on besides its own attributes (read-only record, reviewer). Speaker blocks are plain DOM node
 * views (speakerBlockNodeView.ts); React renders only the header of the block being edited, into
 * its view's header slot (issue 17). This registry is how that React part finds the view.
 */
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

/** What a block's header depends on beyond the block: the same for every block of the editor. */
export interface BlockViewEnv {
  /** The record is read-only (observer, final minutes). */
  readOnly: boolean;
  /** The user may set review statuses (and change final blocks). */
  canReview: boolean;
}

/** One speaker block's node view, as the React header sees it. */
export interface BlockViewHandle {
  /** Where the header of the block goes (plain text, or the form of the block being edited). */
  readonly headerSlot: HTMLElement;
  /** Where a question about the block goes (the claim guard's prompt). */
  readonly promptSlot: HTMLElement;
  /** The block as it stands. */
  node(): PMNode;
  /** The block's position, or undefined once it is gone. */
  getPos(): number | undefined;
  /** Write attributes of the block. */
  updateAttributes(attrs: Record<string, unknown>): void;
  /** Changes each time the block's attributes change (for the React header's snapshot). */
  readonly version: number;
}

export class BlockViews {
  private readonly views = new Map<string, BlockViewHandle>();
  private readonly listeners = new Set<() => void>();
  private readonly envListeners = new Set<() => void>();
  private currentEnv: BlockViewEnv = { readOnly: false, canReview: false };

  /** The view of block `id`, if it is on screen. */
  get(id: string): BlockViewHandle | undefined {
    return this.views.get(id);
  }

  /** A view of block `id` was created; returns the function that removes it. */
  add(id: string, view: BlockViewHandle): () => void {
    this.views.set(id, view);
    this.notify();
    return () => {
      if (this.views.get(id) !== view) return;
      this.views.delete(id);
      this.notify();
    };
  }

  /** The attributes of block `id` changed (its view's version moved on). */
  changed(id: string): void {
    if (this.views.has(id)) this.notify();
  }

  /** Call `fn` after a view is added, removed or changed; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** What headers depend on beyond their block. */
  env(): BlockViewEnv {
    return this.currentEnv;
  }

  /** Set what headers depend on; listeners run only when it differs. */
  setEnv(next: BlockViewEnv): void {
    const now = this.currentEnv;
    if (now.readOnly === next.readOnly && now.canReview === next.canReview) return;
    this.currentEnv = { ...next };
    for (const fn of [...this.envListeners]) fn();
  }

  /** Call `fn` after each change of the env; returns the unsubscribe function. */
  subscribeEnv(fn: () => void): () => void {
    this.envListeners.add(fn);
    return () => this.envListeners.delete(fn);
  }

  private notify(): void {
    for (const fn of [...this.listeners]) fn();
  }
}

const registries = new WeakMap<Editor, BlockViews>();

/** The speaker block views of `editor`, created on first use. */
export function blockViewsOf(editor: Editor): BlockViews {
  let views = registries.get(editor);
  if (!views) {
    views = new BlockViews();
    registries.set(editor, views);
  }
  return views;
}
