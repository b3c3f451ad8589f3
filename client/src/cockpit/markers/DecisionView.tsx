import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from '@tiptap/react';

/** A decision in the record: "DECISION" in the margin of the line, then the text. */
export function DecisionView({ node }: NodeViewProps) {
  return (
    <NodeViewWrapper className="decision" data-decision="" data-id={node.attrs.id as string}>
      <span className="marker-head" contentEditable={false}>
        <span className="marker-label">Decision</span>
      </span>
      <NodeViewContent className="marker-text" />
    </NodeViewWrapper>
  );
}
