import { type ComponentProps, type KeyboardEvent, useEffect, useState } from 'react';
import { formatClock, parseClock, withClock } from './time.ts';

/** Props of the start-time field. */
export interface TimeFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  /** The block's start as an ISO instant (may be empty). */
  value: string;
  /** Write a new ISO instant to the document. */
  onCommit(iso: string): void;
}

/**
 * The start time, shown and typed as HH:MM. A plain text field, not `type="time"`: Chromium's
 * time input captures Tab between its hour and minute parts, which breaks "Tab into the body".
 * Commits when the note-taker leaves the field; an unreadable time reverts and says so.
 */
export function TimeField({ value, onCommit, onKeyDown, onBlur, ...rest }: TimeFieldProps) {
  const shown = formatClock(value);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(shown), [shown]);

  const commit = () => {
    if (draft.trim() === shown) return setDraft(shown);
    const clock = parseClock(draft);
    if (!clock) {
      setInvalid(true);
      setDraft(shown);
      return;
    }
    setInvalid(false);
    onCommit(withClock(value, clock));
  };

  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="HH:MM"
      maxLength={5}
      value={draft}
      aria-invalid={invalid || undefined}
      title={invalid ? 'Type the time as HH:MM, e.g. 14:05' : 'Start time (HH:MM)'}
      onChange={(e) => {
        setInvalid(false);
        setDraft(e.target.value);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
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
