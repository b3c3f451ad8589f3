/**
 * A speaker block on screen, as a plain ProseMirror node view (issue 17): a section holding the
 * block's header and its statement (the editable content). The header is plain text built with
 * DOM calls by the feature layer (EditorAddons.speakerHeaders), except in the block being edited,
 * whose header slot is left empty for React to render the form into (see activeHeader.ts). A
 * React node view per block cost a React root, its event listeners and a copy of Tiptap's
 * registry of views for each block: opening a 1,000-block record was one long task.
 */
import { BLOCK_STATUSES, oneOf, type SpeakerBlockAttrs } from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { activeHeadersOf } from './activeHeader.ts';
import type { PlainHeader, SpeakerHeaders } from './addons.ts';
import { blockElementId } from './blockAnchor.ts';
import { type BlockViewHandle, blockViewsOf } from './blockViews.ts';
import { blockUpdate } from './nodeViewUpdate.ts';

/** A speaker block's attributes as the header reads them. */
function attrsOf(node: PMNode): SpeakerBlockAttrs {
  return node.attrs as SpeakerBlockAttrs;
}

export class SpeakerBlockNodeView implements NodeView, BlockViewHandle {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  readonly headerSlot: HTMLElement;
  readonly promptSlot: HTMLElement;
  version = 0;
  private current: PMNode;
  private plain: PlainHeader | null = null;
  private readonly id: string;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    node: PMNode,
    private readonly editor: Editor,
    readonly getPos: () => number | undefined,
    private readonly headers: SpeakerHeaders,
  ) {
    this.current = node;
    this.id = String(node.attrs.id);
    this.dom = document.createElement('section');
    this.dom.className = 'speaker-block';
    this.dom.setAttribute('data-speaker-block', '');
    this.headerSlot = document.createElement('div');
    this.headerSlot.className = 'sb-header-slot';
    this.headerSlot.contentEditable = 'false';
    this.promptSlot = document.createElement('div');
    this.promptSlot.className = 'sb-prompt-slot';
    this.promptSlot.contentEditable = 'false';
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'sb-body';
    this.contentDOM.setAttribute('data-node-view-content', '');
    this.contentDOM.style.whiteSpace = 'pre-wrap';
    this.dom.append(this.headerSlot, this.promptSlot, this.contentDOM);

    const views = blockViewsOf(editor);
    const active = activeHeadersOf(editor);
    this.render();
    this.showHeader();
    this.cleanups.push(
      views.add(this.id, this),
      views.subscribeEnv(() => this.render()),
      active.subscribe(() => this.showHeader()),
    );
  }

  node(): PMNode {
    return this.current;
  }

  updateAttributes(attrs: Record<string, unknown>): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    const { state } = this.editor.view;
    const node = state.doc.nodeAt(pos);
    if (!node || node.attrs.id !== this.id) return;
    this.editor.view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
  }

  update(node: PMNode): boolean {
    const what = blockUpdate(this.current, node);
    if (what === 'refuse') return false;
    this.current = node;
    if (what === 'render') {
      this.version += 1;
      this.render();
      blockViewsOf(this.editor).changed(this.id);
    }
    return true;
  }

  /**
   * ProseMirror handles the events of the statement and leaves every other event of the block to
   * its header and prompt (their fields and buttons, the click on a plain header that opens it).
   */
  stopEvent(event: Event): boolean {
    return !(event.target instanceof Node && this.contentDOM.contains(event.target));
  }

  /** Changes to the header and prompt are theirs; ProseMirror reads only the statement. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    if (mutation.target === this.contentDOM && mutation.type === 'attributes') return true;
    return !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    for (const fn of this.cleanups) fn();
    this.plain?.destroy();
    this.plain = null;
  }

  /** The section's attributes, and the plain header, from the block's attributes. */
  private render(): void {
    const attrs = attrsOf(this.current);
    const env = blockViewsOf(this.editor).env();
    const status = oneOf(BLOCK_STATUSES, attrs.status, 'draft');
    const { classList } = this.dom;
    for (const s of BLOCK_STATUSES) classList.toggle(`status-${s}`, s === status);
    // a final block is read-only for note-takers (the server undoes their changes to it)
    classList.toggle('locked', status === 'final' && !env.canReview);
    classList.toggle('changed', !!attrs.changedBy);
    this.dom.setAttribute('data-id', attrs.id);
    this.dom.id = blockElementId(attrs.id);
    this.dom.setAttribute('aria-label', `Statement by ${attrs.speaker.trim() || 'new speaker'}`);
    this.plain?.update(attrs, env);
  }

  /** Plain text unless this block is being edited: then the slot is the React form's. */
  private showHeader(): void {
    const active = activeHeadersOf(this.editor).isActive(this.id);
    if (active && this.plain) {
      this.plain.destroy();
      this.plain.dom.remove();
      this.plain = null;
    } else if (!active && !this.plain) {
      this.plain = this.headers.plain(this.editor, attrsOf(this.current), blockViewsOf(this.editor).env());
      this.headerSlot.append(this.plain.dom);
    }
  }
}
