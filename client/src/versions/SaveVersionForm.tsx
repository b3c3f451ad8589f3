import { MAX_VERSION_NAME_LENGTH } from '@rapporteur/shared/api';
import { type FormEvent, useState } from 'react';
import { actorHeaders } from '../api/actor.ts';
import { errorMessage } from '../api/http.ts';
import { saveVersion, type VersionMeta } from '../api/versions.ts';

/** Save the current text under a name (editors), e.g. "As presented to the Chair". */
export function SaveVersionForm({
  sessionId,
  token,
  userName,
  onSaved,
}: {
  sessionId: string;
  token: string | null;
  userName: string;
  onSaved(meta: VersionMeta): void;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const meta = await saveVersion(sessionId, name, token, actorHeaders(userName));
      setName('');
      onSaved(meta);
    } catch (err) {
      setError(errorMessage(err)); // the server's words, e.g. "name is required"
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="version-save form-row" onSubmit={submit}>
      <label className="field">
        <span>Save the current text as a version</span>
        <input
          name="versionName"
          value={name}
          maxLength={MAX_VERSION_NAME_LENGTH}
          placeholder="As presented to the Chair"
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save version'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
