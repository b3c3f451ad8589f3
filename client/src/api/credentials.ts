/**
 * Capability tokens this browser holds. A session's links (`/s/:id?token=…`) are shown once, at
 * creation; the token a page was opened with is kept here per session so a reload, or a later
 * visit from the session list, still has it. The admin token (ADMIN_TOKEN of the server, for
 * creating and listing sessions from another machine) is kept the same way.
 */
import type { Role, SessionLinks } from '@rapporteur/shared/api';

/** What this browser knows about its access to one session. */
export interface SessionAccess {
  token: string;
  /** Links shown at creation, kept so the creator can hand them out later. */
  links?: SessionLinks;
}

const sessionKey = (id: string) => `rapporteur:access:${id}`;
const ADMIN_KEY = 'rapporteur:admin-token';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage blocked: the token lasts for this page only, which still works until a reload
  }
}

/** The token part of a link path. */
export function tokenOfLink(link: string): string | null {
  return new URL(link, 'http://link.invalid').searchParams.get('token');
}

/** This browser's access to a session, if any. */
export function loadAccess(sessionId: string): SessionAccess | null {
  const raw = read(sessionKey(sessionId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SessionAccess>;
    return typeof v.token === 'string' && v.token ? { token: v.token, links: v.links } : null;
  } catch {
    return null;
  }
}

/** Remember a token for a session (keeping any links already known). */
export function saveAccess(sessionId: string, access: SessionAccess): void {
  const links = access.links ?? loadAccess(sessionId)?.links;
  write(sessionKey(sessionId), JSON.stringify({ token: access.token, ...(links ? { links } : {}) }));
}

/** Forget a session's token (revoked, or belongs to someone else). */
export function forgetAccess(sessionId: string): void {
  write(sessionKey(sessionId), null);
}

/** One role's link to hand out: who it is for, what it lets them do, and the link itself. */
export interface RoleLink {
  role: Role;
  label: string;
  /** What a person opening the link can do, in plain words. */
  can: string;
  path: string;
}

/** The link to hand to each role, when this browser created the session. */
export function roleLinks(links: SessionLinks): RoleLink[] {
  return [
    {
      role: 'note-taker',
      label: 'Note-takers',
      can: 'type the record live, several at once',
      path: links.noteTaker,
    },
    {
      role: 'editor',
      label: 'Editors',
      can: 'everything note-takers can, plus check and finalise blocks, versions, publish, make new links',
      path: links.editor,
    },
    {
      role: 'observer',
      label: 'Observers',
      can: 'read the record as it is typed; cannot change anything, not shown to others',
      path: links.observer,
    },
  ];
}

/** The admin token entered on this browser, if any. */
export function loadAdminToken(): string | null {
  return read(ADMIN_KEY);
}

/** Remember (or with null, forget) the admin token. */
export function saveAdminToken(token: string | null): void {
  write(ADMIN_KEY, token);
}
