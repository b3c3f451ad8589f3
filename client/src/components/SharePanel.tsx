import { useState } from 'react';
import { roleLinks, saveAccess } from '../api/credentials.ts';
import { errorMessage } from '../api/http.ts';
import { mintLink, type Role, type SessionLinks } from '../api/sessions.ts';

/** Props of the share panel. */
export interface SharePanelProps {
  sessionId: string;
  token: string | null;
  /** Links this browser kept from creating the session, if any. */
  links?: SessionLinks;
  /** Whether this browser may mint links (editor of the session, or server admin). */
  canMint: boolean;
}

const ROLE_KEY: Record<Role, keyof SessionLinks> = {
  observer: 'observer',
  'note-taker': 'noteTaker',
  editor: 'editor',
};

/**
 * The links to hand out: note-takers join with theirs, observers follow read-only. Links are
 * shown by the server only once, so the ones this browser kept are listed, and an editor can
 * make new ones.
 */
export function SharePanel({ sessionId, token, links: initial, canMint }: SharePanelProps) {
  const [links, setLinks] = useState<Partial<SessionLinks>>(initial ?? {});
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const make = async (role: Role) => {
    setError(null);
    try {
      const { link } = await mintLink(sessionId, role, token);
      const next = { ...links, [ROLE_KEY[role]]: link };
      setLinks(next);
      if (token && next.observer && next.noteTaker && next.editor)
        saveAccess(sessionId, { token, links: next as SessionLinks });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      setError('Copying is blocked here; select the link and copy it by hand.');
    }
  };

  const rows = roleLinks({ observer: '', noteTaker: '', editor: '', ...links });
  return (
    <details className="share">
      <summary>Share this session</summary>
      <ul className="share-links">
        {rows.map(({ role, label, path }) => {
          const url = path ? new URL(path, window.location.origin).toString() : '';
          return (
            <li key={role} className="share-row">
              <span className="share-role">{label}</span>
              {url ? (
                <>
                  <input
                    className="share-url"
                    readOnly
                    value={url}
                    aria-label={`${label} link`}
                    onFocus={(e) => e.target.select()}
                  />
                  <button type="button" onClick={() => copy(url)}>
                    {copied === url ? 'Copied' : 'Copy'}
                  </button>
                </>
              ) : canMint ? (
                <button type="button" onClick={() => make(role)}>
                  Make a link
                </button>
              ) : (
                <span className="muted">ask the editor</span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
