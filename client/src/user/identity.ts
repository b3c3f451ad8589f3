/**
 * Who is typing: a display name asked for once and a caret colour picked at random, both kept in
 * localStorage so every session on this browser shows the same person. Colours are 6-digit hex
 * because the collaboration caret extension rejects anything else.
 */

/** A note-taker as the others see them (caret label, presence list). */
export interface UserIdentity {
  name: string;
  color: string;
}

const STORAGE_KEY = 'rapporteur:user';

/** Caret colours: distinct hues, all dark enough for white label text (WCAG AA at 12px bold). */
export const CARET_COLORS = [
  '#1f6feb', // blue
  '#c62828', // red
  '#2e7d32', // green
  '#6a1b9a', // purple
  '#b45309', // amber
  '#00838f', // teal
  '#ad1457', // pink
  '#455a64', // slate
] as const;

/** Longest name shown on a caret; longer ones would cover the text being typed. */
export const MAX_NAME_LENGTH = 40;

/** A random colour from the palette. */
export function randomColor(random: () => number = Math.random): string {
  return CARET_COLORS[Math.floor(random() * CARET_COLORS.length)] ?? CARET_COLORS[0];
}

/** Validate a stored or typed identity; null when it is unusable. */
export function parseIdentity(value: unknown): UserIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, color } = value as { name?: unknown; color?: unknown };
  if (typeof name !== 'string' || typeof color !== 'string') return null;
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!trimmed || !/^#[0-9a-fA-F]{6}$/.test(color)) return null;
  return { name: trimmed, color };
}

/** The identity saved on this browser, if any. */
export function loadIdentity(): UserIdentity | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseIdentity(JSON.parse(raw)) : null;
  } catch {
    return null; // storage disabled or corrupt: ask again rather than fail
  }
}

/** Save the identity for later visits (silently kept in memory only when storage is blocked). */
export function saveIdentity(identity: UserIdentity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // private mode with storage blocked: the name lasts for this page only
  }
}
