import { type ComponentProps, useEffect, useState } from 'react';
import { formatDue, parseDue } from './due.ts';

/** Props of an action item's due-date field. */
export interface DueFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  /** The due date as stored (ISO date or ''). */
  value: string;
  onCommit(isoDate: string): void;
}

/**
 * A due date typed as people write it ("1/2", "1 Feb 2017", "2017-02-01"; see due.ts), shown as
 * "1 Feb 2017". Commits when the field is left or Enter is pressed; an unreadable date reverts
 * and says so.
 */
export function DueField({ value, onCommit, onKeyDown, onBlur, ...rest }: DueFieldProps) {
  const shown = formatDue(value);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(shown), [shown]);

  const commit = () => {
    if (draft.trim() === shown) return;
    const parsed = parseDue(draft);
    if (parsed === null) {
      setInvalid(true);
      setDraft(shown);
      return;
    }
    setInvalid(false);
    if (parsed !== value) onCommit(parsed);
  };

  return (
    <input
      {...rest}
      type="text"
      value={draft}
      placeholder="due"
      autoComplete="off"
      spellCheck={false}
      aria-invalid={invalid || undefined}
      title={invalid ? 'Type a date such as 1 Feb 2017, 1/2/2017 or 2017-02-01' : 'Due date'}
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
  );
}
