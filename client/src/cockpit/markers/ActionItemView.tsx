import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useReadOnly } from '../../editor/readOnly.ts';
import { AutocompleteField } from '../fields/AutocompleteField.tsx';
import { DueField } from './DueField.tsx';
import { focusMarkerText } from '../extensions/markerCommands.ts';
import { takeOwnerFocus } from '../extensions/markerFocus.ts';

/**
 * An action item in the record: "ACTION" in the margin of the line, who owns it and by when (an
 * owner field that autocompletes like speakers), then the text. Keys: Enter or Escape in a field
 * goes to the text; Shift+Tab from the text comes back to the owner.
 */
export function ActionItemView({ node, editor, getPos, updateAttributes }: NodeViewProps) {
  const attrs = node.attrs as { id: string; owner: string; due: string };
  const readOnly = useReadOnly();
  const ownerRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (takeOwnerFocus(attrs.id)) ownerRef.current?.focus();
  }, [attrs.id]);

  const toText = (e: KeyboardEvent<HTMLInputElement>) => {
    const pos = getPos();
    if (pos === undefined) return;
    if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      focusMarkerText(editor, pos);
    }
  };

  const lastKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const pos = getPos();
    if (pos !== undefined && e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      focusMarkerText(editor, pos);
      return;
    }
    toText(e);
  };

  return (
    <NodeViewWrapper className="action-item" data-action-item="" data-id={attrs.id}>
      <span className="marker-head" contentEditable={false}>
        <span className="marker-label">Action</span>
        <fieldset className="marker-fields" disabled={readOnly}>
          <legend className="visually-hidden">Action owner and due date</legend>
          <AutocompleteField
            ref={ownerRef}
            field="owner"
            className="marker-field ai-owner"
            data-field="owner"
            aria-label="Action owner"
            placeholder="owner"
            value={attrs.owner}
            onCommit={(owner) => updateAttributes({ owner })}
            onKeyDown={toText}
          />
          <DueField
            className="marker-field ai-due"
            data-field="due"
            aria-label="Due date"
            value={attrs.due}
            onCommit={(due) => updateAttributes({ due })}
            onKeyDown={lastKeyDown}
          />
        </fieldset>
      </span>
      <NodeViewContent className="marker-text" />
    </NodeViewWrapper>
  );
}
