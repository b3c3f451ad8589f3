import { z } from 'zod';

/** Capability roles, weakest first. */
export const ROLES = ['observer', 'note-taker', 'editor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** True when `role` includes the rights of `needed` (editor ⊇ note-taker ⊇ observer). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Query parameter carrying a capability token on links and on the socket URL. */
export const TOKEN_QUERY_PARAM = 'token';

/** Capability links of a session: a path with its token, per role. Tokens are shown only once. */
export const SessionLinks = z.object({
  observer: z.string(),
  noteTaker: z.string(),
  editor: z.string(),
});
export type SessionLinks = z.infer<typeof SessionLinks>;

/** Body of `POST /api/sessions/:id/links`: mint a link for a role, optionally revoking the others. */
export const MintLinkRequest = z.object({
  role: Role,
  /** Revoke every other link of this role (their open sockets are closed at once). */
  rotate: z.boolean().default(false),
});
export type MintLinkRequest = z.infer<typeof MintLinkRequest>;

/** What a token grants, as `GET /api/sessions/:id/me` returns it. */
export const Grant = z.object({ sessionId: z.uuid(), role: Role.nullable(), admin: z.boolean() });
export type Grant = z.infer<typeof Grant>;

/** The path a role's link opens in the client. */
export function linkPath(sessionId: string, role: Role, token: string): string {
  const page = role === 'observer' ? 'observe' : 's';
  return `/${page}/${sessionId}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`;
}
