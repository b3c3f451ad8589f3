import { type ComponentProps, useEffect, useState } from 'react';

/** Props of a header text field bound to one node attribute. */
export interface HeaderFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  /** The attribute's value in the document. */
  value: string;
  /** Write a new value to the document (called on every keystroke). */
  onCommit(value: string): void;
}

/**
 * A text input over a node attribute. It keeps its own draft so the caret never jumps while the
 * node view re-renders from the document, and adopts remote changes as they arrive.
 */
export function HeaderField({ value, onCommit, ...rest }: HeaderFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      {...rest}
      type="text"
      value={draft}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => {
        setDraft(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}
