/**
 * Security headers on every HTTP answer (issue 12, item 8). Capability tokens live in URLs, so
 * no page may send a Referer; no page may be framed (clickjacking a "rotate link" button); no
 * answer may be sniffed into another type; and the built client runs under a policy that allows
 * only its own scripts.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * The app's policy. Scripts only from our origin (Vite emits no inline script); inline styles are
 * allowed because Tiptap and React set style attributes and Tiptap injects a <style> element; the
 * favicon is a data: URL; `connect-src 'self'` covers the sync socket (CSP 3 matches ws: and wss:
 * of the same host); the service worker (offline shell) is our own script.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The API's policy: JSON loads nothing, and the printable HTML export needs only its own inline
 * <style> (everything in it is escaped text; no script may run even if escaping failed).
 */
export const API_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Set the security headers on every answer; the API gets the stricter policy. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const api = c.req.path.startsWith('/api/') || c.req.path === '/health';
    c.res.headers.set('Content-Security-Policy', api ? API_CSP : APP_CSP);
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  };
}
