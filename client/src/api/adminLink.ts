/**
 * The admin URL the server prints (`/?admin=<secret>`, issue 13 item 9): the browser keeps the
 * secret and takes it out of the address bar at once, before anything else runs, so it does not
 * linger in history, screenshots or a copied address, nor leak through a Referer header.
 */
import { saveAdminToken } from './credentials.ts';

/** The query parameter of the admin URL (the server's ADMIN_QUERY_PARAM). */
export const ADMIN_PARAM = 'admin';

/** Keep the secret of an admin URL and drop it from the address; true when there was one. */
export function adoptAdminSecretFromAddress(): boolean {
  const url = new URL(window.location.href);
  const secret = url.searchParams.get(ADMIN_PARAM);
  if (secret === null) return false;
  url.searchParams.delete(ADMIN_PARAM);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  if (!secret.trim()) return false;
  saveAdminToken(secret.trim());
  return true;
}
