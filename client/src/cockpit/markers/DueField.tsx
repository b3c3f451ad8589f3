import { type ComponentProps, useEffect, useId, useState } from 'react';
import { DUE_FORMATS_HINT, formatDue, parseDue } from '../model/due.ts';

/** Props of an action item's due-date field. */
export interface DueFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  /** The due date as stored (ISO date or ''). */
  value: string;
  onCommit(isoDate: string): void;
}

/**
 * A due date typed as people write it ("1/2", "1 Feb 2017", "2017-02-01"; see due.ts), shown as
 * "1 Feb 2017". Commits when the field is left or Enter is pressed. An unreadable date is never
 * cleared: the text stays as typed, and what the field accepts is said right beside it (a
 * tooltip alone went unseen: issue 13, item 11).
 */
export function DueField({ value, onCommit, onKeyDown, onBlur, ...rest }: DueFieldProps) {
  const shown = formatDue(value);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const hintId = `${useId()}-due-hint`;
  useEffect(() => setDraft(shown), [shown]);

  const commit = () => {
    if (draft.trim() === shown) return;
    const parsed = parseDue(draft);
    if (parsed === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (parsed !== value) onCommit(parsed);
  };

  return (
    <>
      <input
        {...rest}
        type="text"
        value={draft}
        placeholder="due"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hintId : undefined}
        title="Due date"
        onChange={(e) => {
          setInvalid(false);
          setDraft(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Tab') commit();
          onKeyDown?.(e);
        }}
        onBlur={(e) => {
          commit();
          onBlur?.(e);
        }}
      />
      {invalid && (
        <span id={hintId} className="due-hint" role="alert" contentEditable={false}>
          Not a date: {DUE_FORMATS_HINT}
        </span>
      )}
    </>
  );
}
