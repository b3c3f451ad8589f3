import { type FormEvent, useState } from 'react';
import { MAX_NAME_LENGTH, parseIdentity, randomColor, type UserIdentity } from '../user/identity.ts';

/**
 * Asks the note-taker's name once (then it is remembered on this browser). The others see it
 * on the caret and in the presence list, so it should be how colleagues know you.
 */
export function NameDialog({
  current,
  onDone,
  onCancel,
}: {
  current?: UserIdentity;
  onDone(u: UserIdentity): void;
  onCancel?(): void;
}) {
  const [name, setName] = useState(current?.name ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const identity = parseIdentity({ name, color: current?.color ?? randomColor() });
    if (!identity) return setError('Please type a name the others will recognise.');
    onDone(identity);
  }

  return (
    <form className="card name-dialog" onSubmit={submit} aria-labelledby="name-heading">
      <h2 id="name-heading">{current ? 'Change your name' : 'Who is taking notes?'}</h2>
      <p className="muted">The other note-takers see this name next to your cursor.</p>
      <label className="field">
        <span>Your name</span>
        <input
          name="name"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          // biome-ignore lint/a11y/noAutofocus: the dialog exists only to ask this one question
          autoFocus
          autoComplete="name"
          aria-invalid={error ? true : undefined}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-row end">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          {current ? 'Save' : 'Start taking notes'}
        </button>
      </div>
    </form>
  );
}
