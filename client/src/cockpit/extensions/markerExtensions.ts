/**
 * Action items and decisions in the editor: node views with an owner and a due date, the keys
 * (Ctrl+Alt+T, Ctrl+Alt+D), W3C-style lines typed at the start of a paragraph ("ACTION: ",
 * "DECISION: ", "RESOLVED: ") turning into them, and fresh ids when one is split or pasted.
 */
import { ActionItem, Decision, newBlockId } from '@rapporteur/shared/schema';
import { type AnyExtension, Extension, textblockTypeInputRule } from '@tiptap/core';
import { setBlockType } from '@tiptap/pm/commands';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { ActionItemView } from '../markers/ActionItemView.tsx';
import { DecisionView } from '../markers/DecisionView.tsx';
import { COCKPIT_KEYS } from '../keys.ts';
import { focusOwnerField, type MarkerType, toggleMarker } from './markerCommands.ts';

const MARKERS = new Set<string>(['actionItem', 'decision']);

/** The action item node with its view, and "ACTION: " at the start of a line making one. */
const ActionItemWithView = ActionItem.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ActionItemView);
  },
  addInputRules() {
    return [textblockTypeInputRule({ find: /^ACTION:\s$/, type: this.type, getAttributes: freshId })];
  },
});

/** The decision node with its view; W3C minutes say "RESOLVED:" for the same thing. */
const DecisionWithView = Decision.extend({
  addNodeView() {
    return ReactNodeViewRenderer(DecisionView);
  },
  addInputRules() {
    return [
      textblockTypeInputRule({
        find: /^(?:DECISION|RESOLVED|RESOLUTION):\s$/,
        type: this.type,
        getAttributes: freshId,
      }),
    ];
  },
});

function freshId() {
  return { id: newBlockId() };
}

/** The record's extensions with the action item and decision nodes given their views and rules. */
export function withMarkerViews(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((ext) =>
    ext.name === 'actionItem' ? ActionItemWithView : ext.name === 'decision' ? DecisionWithView : ext,
  );
}

/** Whether a local transaction may have copied a marker node (split, paste, drop). */
function mayCopyMarkers(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  // remote changes arrive already fixed by their author
  if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return false;
  return tr.steps.some((step) => {
    if (!(step instanceof ReplaceStep)) return false;
    let found = false;
    step.slice.content.descendants((n) => {
      if (MARKERS.has(n.type.name)) found = true;
      return !found && !n.isTextblock;
    });
    return found;
  });
}

/** Positions of marker nodes whose id is missing or repeats an earlier one. */
export function repeatedIds(doc: PMNode): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (MARKERS.has(node.type.name)) {
      const id = node.attrs.id;
      if (typeof id !== 'string' || !id || seen.has(id)) out.push(pos);
      else seen.add(id);
      return false;
    }
    return !node.isTextblock;
  });
  return out;
}

/** Keys and id upkeep of the markers. */
export const MarkerKeys = Extension.create({
  name: 'markerKeys',
  // above the record's keymap: Shift+Tab in an action goes to its owner, not the block header
  priority: 1050,
  addKeyboardShortcuts() {
    const parentType = () => this.editor.state.selection.$from.parent.type.name;
    const toParagraph = () =>
      setBlockType(this.editor.schema.nodes.paragraph!)(this.editor.state, this.editor.view.dispatch);
    const toggle = (type: MarkerType) => () => toggleMarker(this.editor, type);
    return {
      [COCKPIT_KEYS.action]: toggle('actionItem'),
      [COCKPIT_KEYS.decision]: toggle('decision'),
      'Shift-Tab': () => {
        const { $from } = this.editor.state.selection;
        return parentType() === 'actionItem' && focusOwnerField(this.editor, $from.before($from.depth));
      },
      // an empty action or decision, like an empty list item, ends with Enter
      Enter: () => {
        const { $from, empty } = this.editor.state.selection;
        return empty && MARKERS.has(parentType()) && $from.parent.content.size === 0 && toParagraph();
      },
      Backspace: () => {
        const { $from, empty } = this.editor.state.selection;
        return empty && MARKERS.has(parentType()) && $from.parentOffset === 0 && toParagraph();
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('markerIds'),
        appendTransaction(trs, _old, state) {
          if (!trs.some(mayCopyMarkers)) return null;
          const repeats = repeatedIds(state.doc);
          if (!repeats.length) return null;
          const tr = state.tr;
          for (const pos of repeats) tr.setNodeAttribute(pos, 'id', newBlockId());
          return tr;
        },
      }),
    ];
  },
});
