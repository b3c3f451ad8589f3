import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new capability token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. Tokens are long random strings, so a fast hash suffices. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compare secrets in constant time (the admin token). */
export function secretEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Tokens have a fixed alphabet and size; anything else is rejected before any lookup. */
export function plausibleToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
