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
  /** Whether this page may mint links (the session's editor). */
  canMint: boolean;
  /** Open at once (just after creating the session, when the links must be handed out). */
  open?: boolean;
}

const ROLE_KEY: Record<Role, keyof SessionLinks> = {
  observer: 'observer',
  'note-taker': 'noteTaker',
  editor: 'editor',
};

/**
 * The links to hand out, one per role, each labelled with what it lets a person do and with its
 * own copy button (the links differ only in their random tokens, so the label is what tells them
 * apart). Links are shown by the server only once, so the ones this browser kept are listed, and
 * an editor can make new ones.
 */
export function SharePanel({ sessionId, token, links: initial, canMint, open = false }: SharePanelProps) {
  const [links, setLinks] = useState<Partial<SessionLinks>>(initial ?? {});
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<Role | null>(null);

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

  const copy = async (role: Role, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(role);
    } catch {
      setError('Copying is blocked here; select the link and copy it by hand.');
    }
  };

  const rows = roleLinks({ observer: '', noteTaker: '', editor: '', ...links });
  return (
    <details className="share" open={open}>
      <summary>Links to hand out</summary>
      <ul className="share-links">
        {rows.map(({ role, label, can, path }) => {
          const url = path ? new URL(path, window.location.origin).toString() : '';
          const noun = label.toLowerCase().replace(/s$/, '');
          return (
            <li key={role} className="share-row" data-role={role}>
              <span className="share-role">
                <strong id={`share-${role}`}>{label}</strong>
                <span className="share-can">{can}</span>
              </span>
              {url ? (
                <>
                  <input
                    className="share-url"
                    readOnly
                    value={url}
                    aria-label={`${label} link`}
                    onFocus={(e) => e.target.select()}
                  />
                  <button type="button" onClick={() => copy(role, url)} aria-describedby={`share-${role}`}>
                    {copied === role ? `Copied ${noun} link` : `Copy ${noun} link`}
                  </button>
                </>
              ) : canMint ? (
                <button type="button" onClick={() => make(role)}>
                  Make {role === 'editor' ? 'an' : 'a'} {noun} link
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
